package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * kqueue's ABI on one OS, from its {@link UnixAbi}: where each member of {@code struct kevent}
 * is and how wide (the filter and flags are 16 bits but on NetBSD, 32), the symbol and the type
 * of the counts of {@code kevent} itself ({@code size_t} on NetBSD, {@code int} elsewhere), and
 * the filter, flag and errno numbers the selector needs. A record, held in a
 * {@code static final}, so that the JIT folds every field.
 *
 * @param size {@code sizeof(struct kevent)}: 32, 40 (NetBSD) or 64 (FreeBSD 12+)
 * @param ident the offset of {@code ident}
 * @param filter the offset of {@code filter}
 * @param narrow whether {@code filter} and {@code flags} are 16 bits wide (else 32)
 * @param flags the offset of {@code flags}
 * @param fflags the offset of {@code fflags}
 * @param data the offset of {@code data}
 * @param udata the offset of {@code udata}
 * @param symbol the symbol to link {@code kevent} by
 * @param sizeTCounts whether {@code nchanges} and {@code nevents} are {@code size_t}s
 * @param evfiltRead {@code EVFILT_READ}
 * @param evfiltWrite {@code EVFILT_WRITE}
 * @param evfiltAio {@code EVFILT_AIO}, or {@link #NONE}
 * @param evfiltLio {@code EVFILT_LIO}, or {@link #NONE}
 * @param evfiltUser {@code EVFILT_USER}, or {@link #NONE}: then the Waker is a pipe
 * @param evAdd {@code EV_ADD}
 * @param evDelete {@code EV_DELETE}
 * @param evClear {@code EV_CLEAR}
 * @param evReceipt {@code EV_RECEIPT}
 * @param evError {@code EV_ERROR}
 * @param evEof {@code EV_EOF}
 * @param noteTrigger {@code NOTE_TRIGGER}, or 0 without {@code EVFILT_USER}
 * @param eintr {@code EINTR}
 * @param enoent {@code ENOENT}
 * @param epipe {@code EPIPE}
 */
public record KeventAbi(
        long size, long ident, long filter, boolean narrow, long flags, long fflags, long data, long udata,
        String symbol, boolean sizeTCounts,
        int evfiltRead, int evfiltWrite, int evfiltAio, int evfiltLio, int evfiltUser,
        int evAdd, int evDelete, int evClear, int evReceipt, int evError, int evEof, int noteTrigger,
        int eintr, int enoent, int epipe) {

    /** A filter this OS does not have. */
    public static final int NONE = Integer.MIN_VALUE;

    /**
     * kqueue's ABI on the OS a declared table describes.
     *
     * @param osName its {@code os.name}
     * @param arch its {@code os.arch}
     * @return the ABI, or null where that OS has no kqueue or no table is declared for it
     */
    public static KeventAbi of(String osName, String arch) {
        return Abi.DECLARED.stream().filter(abi -> abi.describes(osName, arch)).findFirst().map(KeventAbi::of).orElse(null);
    }

    /**
     * Every declared table's kqueue ABI, by its OS and architecture, for tests that run the
     * selector's logic against each.
     *
     * @return {@code "FreeBSD amd64"} and the like, with its ABI
     */
    public static java.util.Map<String, KeventAbi> declared() {
        java.util.Map<String, KeventAbi> all = new java.util.TreeMap<>();
        for (UnixAbi abi : Abi.DECLARED) {
            KeventAbi kevent = of(abi);
            if (kevent != null) {
                abi.architectures().forEach(arch -> all.put(abi.os() + " " + arch, kevent));
            }
        }
        return all;
    }

    static KeventAbi of(UnixAbi abi) {
        StructLayout k = abi.layouts().kevent();
        return k == null ? null : of(k, abi.constants(), abi.errnos(), abi.symbol("kevent"), abi.os().equals("NetBSD"));
    }

    /**
     * The ABI of libkqueue, kqueue in user space over epoll, which a developer builds to run the
     * behaviour suite through this backend on Linux: FreeBSD 11's 32-byte {@code struct kevent}
     * and FreeBSD's numbers in its {@code <sys/event.h>}, but no AIO or LIO filter (its Linux
     * build leaves them out), with Linux's errno numbers in the receipts. Never chosen by itself.
     *
     * @return the ABI
     */
    public static KeventAbi libkqueue() {
        ConstantTable constants = FreeBsdTables.CONSTANTS.without(EVFILT_AIO, EVFILT_LIO);
        return of(BsdTables.KEVENT_32, constants, LinuxTables.ERRNOS, "kevent", false);
    }

    private static KeventAbi of(StructLayout k, ConstantTable c, ErrnoTable e, String symbol, boolean sizeTCounts) {
        return new KeventAbi(k.byteSize(), Abi.offset(k, "ident"), Abi.offset(k, "filter"),
                k.select(MemoryLayout.PathElement.groupElement("filter")).byteSize() == 2,
                Abi.offset(k, "flags"), Abi.offset(k, "fflags"), Abi.offset(k, "data"), Abi.offset(k, "udata"),
                symbol, sizeTCounts,
                c.get(EVFILT_READ), c.get(EVFILT_WRITE), c.getOr(EVFILT_AIO, NONE), c.getOr(EVFILT_LIO, NONE),
                c.getOr(EVFILT_USER, NONE),
                c.get(EV_ADD), c.get(EV_DELETE), c.get(EV_CLEAR), c.get(EV_RECEIPT), c.get(EV_ERROR), c.get(EV_EOF),
                c.getOr(NOTE_TRIGGER, 0),
                e.number("EINTR"), e.number("ENOENT"), e.number("EPIPE"));
    }

    /**
     * Writes change or event {@code i} of an array, zeroing the rest of it.
     *
     * @param array the {@code struct kevent} array
     * @param i the index
     * @param ident the descriptor, or a user event's number
     * @param filterValue the filter
     * @param flagsValue the flags
     * @param fflagsValue the filter's flags
     * @param udataValue the token
     */
    public void put(MemorySegment array, int i, long ident, int filterValue, int flagsValue, int fflagsValue, long udataValue) {
        long at = i * size;
        array.asSlice(at, size).fill((byte) 0);
        array.set(ValueLayout.JAVA_LONG_UNALIGNED, at + this.ident, ident);
        if (narrow) {
            array.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + filter, (short) filterValue);
            array.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + flags, (short) flagsValue);
        } else {
            array.set(ValueLayout.JAVA_INT_UNALIGNED, at + filter, filterValue);
            array.set(ValueLayout.JAVA_INT_UNALIGNED, at + flags, flagsValue);
        }
        array.set(ValueLayout.JAVA_INT_UNALIGNED, at + fflags, fflagsValue);
        array.set(ValueLayout.JAVA_LONG_UNALIGNED, at + udata, udataValue);
    }

    /**
     * The descriptor or user event number of entry {@code i}.
     *
     * @param array the array
     * @param i the index
     * @return {@code ident}
     */
    public long ident(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * size + ident);
    }

    /**
     * The filter of entry {@code i}, signed.
     *
     * @param array the array
     * @param i the index
     * @return {@code filter}
     */
    public int filter(MemorySegment array, int i) {
        return narrow ? array.get(ValueLayout.JAVA_SHORT_UNALIGNED, i * size + filter) : array.get(ValueLayout.JAVA_INT_UNALIGNED, i * size + filter);
    }

    /**
     * The flags of entry {@code i}, unsigned.
     *
     * @param array the array
     * @param i the index
     * @return {@code flags}
     */
    public int flags(MemorySegment array, int i) {
        return narrow ? Short.toUnsignedInt(array.get(ValueLayout.JAVA_SHORT_UNALIGNED, i * size + flags))
                : array.get(ValueLayout.JAVA_INT_UNALIGNED, i * size + flags);
    }

    /**
     * The filter flags of entry {@code i}: an error number with {@code EV_EOF}.
     *
     * @param array the array
     * @param i the index
     * @return {@code fflags}
     */
    public int fflags(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_INT_UNALIGNED, i * size + fflags);
    }

    /**
     * The data of entry {@code i}: an errno in a receipt, bytes ready in an event.
     *
     * @param array the array
     * @param i the index
     * @return {@code data}
     */
    public long data(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * size + data);
    }

    /**
     * Writes the data of entry {@code i}, as the kernel does in a receipt.
     *
     * @param array the array
     * @param i the index
     * @param value the data
     */
    public void putData(MemorySegment array, int i, long value) {
        array.set(ValueLayout.JAVA_LONG_UNALIGNED, i * size + data, value);
    }

    /**
     * The token of entry {@code i}.
     *
     * @param array the array
     * @param i the index
     * @return {@code udata}
     */
    public long udata(MemorySegment array, int i) {
        return array.get(ValueLayout.JAVA_LONG_UNALIGNED, i * size + udata);
    }
}
