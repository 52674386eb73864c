package io.mio.backend.posix;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One Unix's values for the {@link UnixConstant}s: data, read once when the classes that pass
 * them to the OS initialise, so that each stays a {@code static final} the JIT folds.
 *
 * @param values every constant the OS has, with its value
 * @param cNames the OS's own C name for a constant where it differs from the constant's
 *     ({@code IPV6_JOIN_GROUP} for {@code IPV6_ADD_MEMBERSHIP} on the BSDs)
 */
record ConstantTable(Map<UnixConstant, Integer> values, Map<UnixConstant, String> cNames) {
    /** Copies the maps. */
    public ConstantTable {
        values = Collections.unmodifiableMap(copy(values));
        cNames = Collections.unmodifiableMap(copy(cNames));
    }

    private static <V> EnumMap<UnixConstant, V> copy(Map<UnixConstant, V> map) {
        EnumMap<UnixConstant, V> copy = new EnumMap<>(UnixConstant.class);
        copy.putAll(map);
        return copy;
    }

    /**
     * Checks that the table is an OS's whole table, not a family's part.
     *
     * @param os whose table it is, for the message
     * @throws IllegalArgumentException when a required constant is missing
     */
    void requireComplete(String os) {
        for (UnixConstant constant : UnixConstant.values()) {
            if (!constant.optional() && !values.containsKey(constant)) {
                throw new IllegalArgumentException(os + "'s table lacks " + constant);
            }
        }
    }

    /**
     * A table from pairs.
     *
     * @param pairs a constant, then its value (an {@code Integer}), and so on
     * @return the table
     */
    public static ConstantTable of(Object... pairs) {
        Map<UnixConstant, Integer> values = new EnumMap<>(UnixConstant.class);
        for (int i = 0; i < pairs.length; i += 2) {
            if (values.put((UnixConstant) pairs[i], (Integer) pairs[i + 1]) != null) {
                throw new IllegalArgumentException("twice in the table: " + pairs[i]);
            }
        }
        return new ConstantTable(values, Map.of());
    }

    /**
     * This table with some values added or replaced: what one OS changes of a family's table.
     *
     * @param pairs a constant, then its value, and so on
     * @return the new table
     */
    public ConstantTable with(Object... pairs) {
        EnumMap<UnixConstant, Integer> changed = copy(values);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put((UnixConstant) pairs[i], (Integer) pairs[i + 1]);
        }
        return new ConstantTable(changed, cNames);
    }

    /**
     * This table without some constants: what one OS of a family lacks.
     *
     * @param absent the constants it does not have
     * @return the new table
     */
    public ConstantTable without(UnixConstant... absent) {
        EnumMap<UnixConstant, Integer> changed = copy(values);
        for (UnixConstant constant : absent) {
            if (changed.remove(constant) == null) {
                throw new IllegalArgumentException("not in the table: " + constant);
            }
        }
        return new ConstantTable(changed, cNames);
    }

    /**
     * This table with the OS's own C name for a constant.
     *
     * @param constant the constant
     * @param cName what the OS's headers call it
     * @return the new table
     */
    public ConstantTable named(UnixConstant constant, String cName) {
        EnumMap<UnixConstant, String> changed = copy(cNames);
        changed.put(constant, cName);
        return new ConstantTable(values, changed);
    }

    /**
     * The C name of a constant on this OS.
     *
     * @param constant the constant
     * @return its name in the OS's headers
     */
    public String cName(UnixConstant constant) {
        return cNames.getOrDefault(constant, constant.name());
    }

    /**
     * Whether this OS has a constant.
     *
     * @param constant the constant
     * @return true when the table gives it a value
     */
    public boolean has(UnixConstant constant) {
        return values.containsKey(constant);
    }

    /**
     * The value of a constant.
     *
     * @param constant the constant
     * @return its value on this OS
     * @throws IllegalStateException when this OS lacks it; ask {@link #has} first for an optional one
     */
    public int get(UnixConstant constant) {
        Integer value = values.get(constant);
        if (value == null) {
            throw new IllegalStateException("this OS has no " + constant);
        }
        return value;
    }

    /**
     * The value of a constant, or a stand-in where the OS lacks it.
     *
     * @param constant the constant
     * @param absent what to use where the OS has none, such as 0 for a flag
     * @return its value, or {@code absent}
     */
    public int getOr(UnixConstant constant, int absent) {
        return values.getOrDefault(constant, absent);
    }
}
