package io.mio.backend.posix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Unix's errno numbers and their names: data, as they differ between the Unixes
 * ({@code EAGAIN} is 11 on Linux and 35 on the BSDs and macOS).
 *
 * @param numbers every name this table knows, with its number
 */
record ErrnoTable(Map<String, Integer> numbers) {
    /** Copies the map, keeping its order. */
    public ErrnoTable {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /**
     * A table from runs of consecutive numbers, as the C headers list them.
     *
     * @param runs a first number (an {@code Integer}), then the names from it on; then the next run
     * @return the table
     */
    public static ErrnoTable ofRuns(Object... runs) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int next = 0;
        for (Object item : runs) {
            if (item instanceof Integer first) {
                next = first;
            } else if (numbers.put((String) item, next++) != null) {
                throw new IllegalArgumentException("twice in the table: " + item);
            }
        }
        return new ErrnoTable(numbers);
    }

    /**
     * This table with some names added or renumbered: what one OS changes of a family's table.
     *
     * @param pairs a name, then its number (an {@code Integer}), and so on
     * @return the new table
     */
    public ErrnoTable with(Object... pairs) {
        Map<String, Integer> changed = new LinkedHashMap<>(numbers);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return new ErrnoTable(changed);
    }

    /**
     * The number of an errno name.
     *
     * @param name such as {@code "EAGAIN"}
     * @return its number on this OS
     * @throws IllegalStateException when this table does not have it
     */
    public int number(String name) {
        Integer number = numbers.get(name);
        if (number == null) {
            throw new IllegalStateException("this OS's errno table has no " + name);
        }
        return number;
    }
}
