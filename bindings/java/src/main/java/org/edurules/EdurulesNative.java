package org.edurules;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C ABI of crates/edurules-ffi/include/edurules.h as JNA sees it. The
 * library is found by JNA ({@code jna.library.path}, the system's search
 * path, or the classpath resource {@code linux-x86-64/libedurules_ffi.so}).
 * {@code size_t} is mapped to {@code long} (64-bit platforms only).
 */
interface EdurulesNative extends Library {
    EdurulesNative INSTANCE = Native.load("edurules_ffi", EdurulesNative.class);

    String edurules_version();

    int edurules_protocol_version();

    Pointer edurules_engine_new(byte[] options, long optionsLen, PointerByReference error);

    void edurules_engine_free(Pointer engine);

    Pointer edurules_call(Pointer engine, byte[] operation, long operationLen, byte[] request, long requestLen, long[] responseLen);

    void edurules_free(Pointer text);
}
