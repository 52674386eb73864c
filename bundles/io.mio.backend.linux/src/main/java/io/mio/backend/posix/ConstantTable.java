package io.mio.backend.posix;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One Unix's values for the {@link UnixConstant}s: data, read once when the classes that pass
 * them to the OS initialise, so that each stays a {@code static final} the JIT folds.
 *
 * @param values every constant the OS has, with its value; each required one is present
 */
record ConstantTable(Map<UnixConstant, Integer> values) {
    /**
     * Checks that the table is complete.
     *
     * @throws IllegalArgumentException when a required constant is missing
     */
    public ConstantTable {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
        for (UnixConstant constant : UnixConstant.values()) {
            if (!constant.optional() && !values.containsKey(constant)) {
                throw new IllegalArgumentException("the table lacks " + constant);
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
        return new ConstantTable(values);
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
