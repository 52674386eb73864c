package io.mio.backend.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Rust {@code libc} crate's declarations for one target, read from its sources as Debian
 * installs them ({@code librust-libc-dev}): a source of ABI facts written independently of this
 * project and of the machine's own headers, covering every OS and architecture, so that a table
 * for an OS that cannot run here is still checked.
 *
 * <p>It reads the files the crate compiles for the target (the caller names them, most general
 * first), keeps the constants, type aliases and structures whose {@code #[cfg]} attributes hold
 * for the target, and evaluates what it needs: a constant's expression, a structure's layout by
 * the C rules ({@code repr(packed)} and {@code repr(align)} included). A name declared twice for
 * the target in one file is an error, never a guess; a more specific file overrides a general one,
 * as the crate's module tree does.
 */
public final class LibcCrate {
    /** Where Debian puts the crate's sources. */
    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    private static final Pattern ATTRS = Pattern.compile("((?:#\\[[^\\]]*\\]\\s*)*)");
    private static final Pattern CONST = Pattern.compile(ATTRS.pattern() + "(?:pub )?const (\\w+)\\s*:\\s*[^=;]+?=\\s*([^;]+);");
    private static final Pattern TYPE = Pattern.compile(ATTRS.pattern() + "pub type (\\w+)\\s*=\\s*([^;]+);");
    private static final Pattern STRUCT = Pattern.compile(ATTRS.pattern() + "pub (struct|union) (\\w+)\\s*\\{([^}]*)\\}");
    private static final Pattern FUNCTION = Pattern.compile(ATTRS.pattern() + "pub fn (\\w+)\\s*\\(");
    private static final Pattern FIELD = Pattern.compile(ATTRS.pattern() + "(?:pub\\s+)?(\\w+)\\s*:\\s*([^,]+?)\\s*(?:,|$)");

    /** The target: cfg keys and their values, such as {@code target_arch -> x86_64}. */
    private final Map<String, String> cfg;
    private final Map<String, String> constants = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Struct> structs = new LinkedHashMap<>();
    private final Map<String, String> linkNames = new LinkedHashMap<>();
    private final java.util.Set<String> functions = new java.util.HashSet<>();

    /**
     * A structure as the crate declares it for the target.
     *
     * @param name its C tag
     * @param fields its members in order: name, then Rust type
     * @param union a {@code union}: every member at offset 0
     * @param packed {@code repr(packed(n))}: no member aligned beyond n; 0 when not packed
     * @param align {@code repr(align(n))}, or 1
     */
    record Struct(String name, List<String[]> fields, boolean union, long packed, long align) {}

    /**
     * A member's place.
     *
     * @param offset its offset in bytes
     * @param size its size in bytes
     */
    public record Member(long offset, long size) {}

    /**
     * A structure's layout.
     *
     * @param size its size in bytes
     * @param align its alignment
     * @param members each member by name
     */
    public record Layout(long size, long align, Map<String, Member> members) {}

    private LibcCrate(Map<String, String> cfg) {
        this.cfg = cfg;
    }

    /**
     * The crate's {@code src} directory.
     *
     * @return the newest installed version's
     * @throws AssertionError naming the package to install when there is none
     */
    public static Path sources() {
        try (Stream<Path> versions = Files.isDirectory(REGISTRY) ? Files.list(REGISTRY) : Stream.empty()) {
            return versions.filter(p -> p.getFileName().toString().matches("libc-0\\.2\\.\\d+"))
                    .max((a, b) -> Integer.compare(patch(a), patch(b)))
                    .map(p -> p.resolve("src"))
                    .orElseThrow(() -> new AssertionError("the Rust libc crate's sources are not installed under " + REGISTRY
                            + ": install Debian's librust-libc-dev (./verify does, as root)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int patch(Path version) {
        String name = version.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Reads the declarations for a target.
     *
     * @param cfg the target's cfg values ({@code target_os}, {@code target_arch},
     *     {@code target_env}, {@code target_pointer_width}, ...)
     * @param files the source files the crate compiles for it, relative to {@code src}, most
     *     general first
     * @return the declarations
     */
    public static LibcCrate read(Map<String, String> cfg, List<String> files) {
        LibcCrate crate = new LibcCrate(cfg);
        Path src = sources();
        for (String file : files) {
            try {
                crate.readFile(file, crate.expandCfgIf(stripComments(Files.readString(src.resolve(file)))));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file + " of the libc crate", e);
            }
        }
        return crate;
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", "");
    }

    /**
     * Replaces each {@code cfg_if! { if #[cfg(a)] { ... } else if #[cfg(b)] { ... } else { ... } }}
     * with the branch the target takes, as the macro does; nested ones are expanded in turn.
     */
    String expandCfgIf(String source) {
        String src = source;
        for (int at = src.indexOf("cfg_if!"); at >= 0; at = src.indexOf("cfg_if!", at)) {
            int open = src.indexOf('{', at);
            int close = matching(src, open, '{', '}');
            String body = src.substring(open + 1, close);
            String chosen = null;
            int pos = 0;
            while (true) {
                pos = skipSpace(body, pos);
                if (body.startsWith("else", pos)) {
                    pos = skipSpace(body, pos + 4);
                }
                if (pos >= body.length()) {
                    break;
                }
                String predicate = null;
                if (body.startsWith("if", pos)) {
                    int cfgOpen = body.indexOf('(', body.indexOf("#[cfg", pos));
                    int cfgClose = matching(body, cfgOpen, '(', ')');
                    predicate = body.substring(cfgOpen + 1, cfgClose);
                    pos = body.indexOf(']', cfgClose) + 1;
                }
                int blockOpen = body.indexOf('{', pos);
                int blockClose = matching(body, blockOpen, '{', '}');
                if (chosen == null && (predicate == null || evaluate(predicate))) {
                    chosen = body.substring(blockOpen + 1, blockClose);
                }
                pos = blockClose + 1;
            }
            src = src.substring(0, at) + (chosen == null ? "" : chosen) + src.substring(close + 1);
        }
        return src;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == opening) {
                depth++;
            } else if (ch == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced " + opening + " at " + open);
    }

    private void readFile(String file, String source) {
        Map<String, String> fileConstants = new LinkedHashMap<>();
        Map<String, String> fileTypes = new LinkedHashMap<>();
        Map<String, Struct> fileStructs = new LinkedHashMap<>();
        Map<String, String> fileLinkNames = new LinkedHashMap<>();
        Matcher c = CONST.matcher(source);
        while (c.find()) {
            if (holds(c.group(1))) {
                putOnce(fileConstants, c.group(2), c.group(3).trim(), file);
            }
        }
        Matcher t = TYPE.matcher(source);
        while (t.find()) {
            if (holds(t.group(1))) {
                putOnce(fileTypes, t.group(2), t.group(3).trim(), file);
            }
        }
        Matcher s = STRUCT.matcher(source);
        while (s.find()) {
            if (holds(s.group(1))) {
                Struct struct = struct(s.group(3), s.group(2).equals("union"), s.group(1), s.group(4));
                Struct before = fileStructs.put(struct.name(), struct);
                if (before != null && !sameFields(before, struct)) {
                    throw new IllegalStateException(file + " declares struct " + struct.name() + " twice for " + cfg);
                }
            }
        }
        Matcher fn = FUNCTION.matcher(source);
        while (fn.find()) {
            if (holds(fn.group(1))) {
                functions.add(fn.group(2));
                String link = linkNameIn(fn.group(1));
                if (link != null) {
                    putOnce(fileLinkNames, fn.group(2), link, file);
                }
            }
        }
        constants.putAll(fileConstants);
        linkNames.putAll(fileLinkNames);
        types.putAll(fileTypes);
        structs.putAll(fileStructs);
    }

    private static boolean sameFields(Struct a, Struct b) {
        if (a.fields().size() != b.fields().size() || a.union() != b.union() || a.packed() != b.packed() || a.align() != b.align()) {
            return false;
        }
        for (int i = 0; i < a.fields().size(); i++) {
            if (!java.util.Arrays.equals(a.fields().get(i), b.fields().get(i))) {
                return false;
            }
        }
        return true;
    }

    private void putOnce(Map<String, String> into, String name, String value, String file) {
        String before = into.put(name, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalStateException(file + " declares " + name + " twice for " + cfg + ": " + before + " and " + value);
        }
    }

    /** The symbol a {@code link_name} attribute that holds for the target gives a function, or null. */
    private String linkNameIn(String attributes) {
        for (String one : attributes.trim().split("(?=#\\[)")) {
            String a = one.trim();
            Matcher plain = Pattern.compile("#\\[link_name\\s*=\\s*\"([^\"]+)\"\\]").matcher(a);
            if (plain.matches()) {
                return plain.group(1);
            }
            if (a.startsWith("#[cfg_attr(")) {
                String[] split = splitTopLevel(a.substring("#[cfg_attr(".length(), a.lastIndexOf(")]")));
                Matcher named = Pattern.compile("link_name\\s*=\\s*\"([^\"]+)\"").matcher(split[split.length - 1]);
                if (named.find() && evaluate(split[0])) {
                    return named.group(1);
                }
            }
        }
        return null;
    }

    private Struct struct(String name, boolean union, String attributes, String body) {
        List<String[]> fields = new ArrayList<>();
        Matcher f = FIELD.matcher(body.trim());
        while (f.find()) {
            if (holds(f.group(1))) {
                fields.add(new String[] {f.group(2), f.group(3).trim()});
            }
        }
        long packed = 0;
        long align = 1;
        Matcher attr = Pattern.compile("#\\[(cfg_attr\\((.*)\\)|repr\\((.*)\\))\\]", Pattern.DOTALL).matcher("");
        for (String one : attributes.split("(?=#\\[)")) {
            if (!attr.reset(one.trim()).matches()) {
                continue;
            }
            String repr = attr.group(3);
            if (attr.group(2) != null) {
                String[] split = splitTopLevel(attr.group(2));
                if (!evaluate(split[0].trim())) {
                    continue;
                }
                repr = split[1].trim().replaceFirst("^repr\\((.*)\\)$", "$1");
            }
            Matcher packing = Pattern.compile("packed(?:\\((\\d+)\\))?").matcher(repr);
            if (packing.find()) {
                packed = packing.group(1) == null ? 1 : Long.parseLong(packing.group(1));
            }
            Matcher aligned = Pattern.compile("align\\((\\d+)\\)").matcher(repr);
            if (aligned.find()) {
                align = Long.parseLong(aligned.group(1));
            }
        }
        return new Struct(name, fields, union, packed, align);
    }

    /** Whether every {@code #[cfg(...)]} among the attributes holds for the target. */
    private boolean holds(String attributes) {
        for (String one : attributes.trim().split("(?=#\\[)")) {
            String a = one.trim();
            if (a.startsWith("#[cfg(") && !evaluate(a.substring("#[cfg(".length(), a.lastIndexOf(")]")))) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates a cfg predicate: {@code any}, {@code all}, {@code not}, {@code key = "value"}, a flag. */
    boolean evaluate(String predicate) {
        String p = predicate.trim();
        for (String op : new String[] {"any", "all", "not"}) {
            if (p.startsWith(op + "(") && p.endsWith(")")) {
                String[] parts = splitTopLevel(p.substring(op.length() + 1, p.length() - 1));
                List<Boolean> values = new ArrayList<>();
                for (String part : parts) {
                    if (!part.isBlank()) {
                        values.add(evaluate(part));
                    }
                }
                return switch (op) {
                    case "any" -> values.contains(true);
                    case "all" -> !values.contains(false);
                    default -> !values.get(0);
                };
            }
        }
        int eq = p.indexOf('=');
        if (eq > 0) {
            String key = p.substring(0, eq).trim();
            String value = p.substring(eq + 1).trim().replace("\"", "");
            return value.equals(cfg.get(key));
        }
        // Flags the crate's build script sets for every rustc since 1.x (libc_align, libc_union...).
        return p.startsWith("libc_") || cfg.containsKey(p);
    }

    private static String[] splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts.toArray(String[]::new);
    }

    /**
     * A constant's value.
     *
     * @param name its C name
     * @return its value for the target, or empty when the crate does not declare it there
     */
    public OptionalLong constant(String name) {
        String expression = constants.get(name);
        return expression == null ? OptionalLong.empty() : OptionalLong.of(new Expression(expression).value());
    }

    /**
     * Whether the crate declares a C function for the target.
     *
     * @param function the C name
     * @return true when the target has it
     */
    public boolean hasFunction(String function) {
        return functions.contains(function);
    }

    /**
     * The symbol the crate links a C function by, where it is not the function's own name
     * (NetBSD's {@code __socket30} for {@code socket}).
     *
     * @param function the C name
     * @return the symbol, or null when the crate links the function by its own name
     */
    public String linkName(String function) {
        return linkNames.get(function);
    }

    /**
     * A structure's layout.
     *
     * @param name its C tag
     * @return its layout for the target, or null when the crate does not declare it there
     */
    public Layout layout(String name) {
        Struct struct = structs.get(name);
        if (struct == null) {
            return null;
        }
        Map<String, Member> members = new LinkedHashMap<>();
        long offset = 0;
        long align = struct.align();
        long end = 0;
        for (String[] field : struct.fields()) {
            long[] sizeAlign = sizeAndAlign(field[1]);
            long fieldAlign = struct.packed() > 0 ? Math.min(struct.packed(), sizeAlign[1]) : sizeAlign[1];
            offset = struct.union() ? 0 : roundUp(offset, fieldAlign);
            members.put(field[0], new Member(offset, sizeAlign[0]));
            offset += sizeAlign[0];
            end = Math.max(end, offset);
            align = Math.max(align, fieldAlign);
        }
        return new Layout(roundUp(end, align), align, members);
    }

    private static long roundUp(long value, long align) {
        return (value + align - 1) / align * align;
    }

    /**
     * The size of a C type the crate declares for the target, such as {@code nfds_t}.
     *
     * @param name its name
     * @return its size in bytes
     */
    public long typeSize(String name) {
        return sizeAndAlign(name)[0];
    }

    /** Size and alignment of a Rust type as the crate spells it. */
    private long[] sizeAndAlign(String rustType) {
        String type = rustType.trim().replace("::", " ").trim().replace("crate ", "").replace("  ", " ").trim();
        if (type.startsWith("*")) {
            long pointer = Long.parseLong(cfg.get("target_pointer_width")) / 8;
            return new long[] {pointer, pointer};
        }
        if (type.startsWith("[")) {
            int semicolon = type.lastIndexOf(';');
            long[] element = sizeAndAlign(type.substring(1, semicolon));
            long count = new Expression(type.substring(semicolon + 1, type.length() - 1)).value();
            return new long[] {element[0] * count, element[1]};
        }
        String name = type.contains(" ") ? type.substring(type.lastIndexOf(' ') + 1) : type;
        Long primitive = switch (name) {
            case "u8", "i8", "bool", "c_char", "c_schar", "c_uchar" -> 1L;
            case "u16", "i16", "c_short", "c_ushort" -> 2L;
            case "u32", "i32", "f32", "c_int", "c_uint", "c_float" -> 4L;
            case "u64", "i64", "f64", "c_longlong", "c_ulonglong", "c_double" -> 8L;
            case "usize", "isize" -> Long.parseLong(cfg.get("target_pointer_width")) / 8;
            default -> null;
        };
        if (types.containsKey(name)) {
            return sizeAndAlign(types.get(name));
        }
        if (primitive != null) {
            return new long[] {primitive, primitive};
        }
        Layout nested = layout(name);
        if (nested == null) {
            throw new IllegalStateException("the libc crate declares no type " + name + " for " + cfg);
        }
        return new long[] {nested.size(), nested.align()};
    }

    /**
     * Compares one structure: its size, and each named member's offset and size.
     *
     * @param struct the C tag
     * @param layout ours
     * @param theirNames the crate's name for a member where it differs from C's (a union
     *     the crate declares as its one variant)
     * @param wrong where to add what differs
     * @return how many facts were compared
     */
    public int compareLayout(String struct, StructLayout layout, Map<String, String> theirNames, List<String> wrong) {
        Layout theirs = layout(struct);
        if (theirs == null) {
            wrong.add("struct " + struct + ": the libc crate does not declare it");
            return 1;
        }
        int compared = 1;
        if (theirs.size() != layout.byteSize()) {
            wrong.add("sizeof " + struct + ": declared " + layout.byteSize() + ", the libc crate says " + theirs.size());
        }
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member instanceof PaddingLayout || member.name().isEmpty()) {
                continue;
            }
            String name = member.name().get();
            long offset = layout.byteOffset(MemoryLayout.PathElement.groupElement(name));
            Member their = theirs.members().get(theirNames.getOrDefault(name, name));
            compared += 2;
            if (their == null || their.offset() != offset || their.size() != member.byteSize()) {
                wrong.add(struct + "." + name + ": declared offset " + offset + " size " + member.byteSize()
                        + ", the libc crate says " + their);
            }
        }
        return compared;
    }

    /** A constant expression: integers, names of other constants, casts, and the usual operators. */
    private final class Expression {
        private final List<String> tokens = new ArrayList<>();
        private int next;

        Expression(String expression) {
            Matcher sizeOf = Pattern.compile("(?:::)?(?:core::|std::)?mem::size_of::<\\s*([^>]+?)\\s*>\\(\\)").matcher(expression);
            StringBuilder text = new StringBuilder();
            while (sizeOf.find()) {
                sizeOf.appendReplacement(text, Long.toString(sizeAndAlign(sizeOf.group(1))[0]));
            }
            sizeOf.appendTail(text);
            Matcher m = Pattern.compile("0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\\d[\\d_]*|(?:::)?\\w+(?:::\\w+)*|<<|>>|[-+*|&!()~^]").matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        long value() {
            long value = or();
            if (next != tokens.size()) {
                throw new IllegalStateException("cannot evaluate " + tokens);
            }
            return value;
        }

        private long or() {
            long value = and();
            while (peek("|")) {
                next++;
                value |= and();
            }
            return value;
        }

        private long and() {
            long value = shift();
            while (peek("&")) {
                next++;
                value &= shift();
            }
            return value;
        }

        private long shift() {
            long value = sum();
            while (peek("<<") || peek(">>")) {
                boolean left = tokens.get(next++).equals("<<");
                long by = sum();
                value = left ? value << by : value >> by;
            }
            return value;
        }

        private long sum() {
            long value = product();
            while (peek("+") || peek("-")) {
                boolean plus = tokens.get(next++).equals("+");
                long operand = product();
                value = plus ? value + operand : value - operand;
            }
            return value;
        }

        private long product() {
            long value = unary();
            while (peek("*")) {
                next++;
                value *= unary();
            }
            return value;
        }

        private long unary() {
            String token = tokens.get(next++);
            long value;
            if (token.equals("-")) {
                value = -unary();
            } else if (token.equals("!") || token.equals("~")) {
                value = ~unary();
            } else if (token.equals("(")) {
                value = or();
                next++; // ")"
            } else if (Character.isDigit(token.charAt(0))) {
                value = literal(token);
            } else {
                String name = token.substring(token.lastIndexOf(':') + 1);
                OptionalLong named = constant(name);
                if (named.isEmpty()) {
                    throw new IllegalStateException("the libc crate declares no constant " + name + " for " + cfg);
                }
                value = named.getAsLong();
            }
            while (peek("as")) { // a cast: the value is compared as the C type's bits anyway
                next += 2;
            }
            return value;
        }

        private boolean peek(String token) {
            return next < tokens.size() && tokens.get(next).equals(token);
        }

        private static long literal(String token) {
            String digits = token.replace("_", "");
            if (digits.startsWith("0x")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            if (digits.startsWith("0o")) {
                return Long.parseLong(digits.substring(2), 8);
            }
            if (digits.startsWith("0b")) {
                return Long.parseLong(digits.substring(2), 2);
            }
            return Long.parseLong(digits);
        }
    }
}
