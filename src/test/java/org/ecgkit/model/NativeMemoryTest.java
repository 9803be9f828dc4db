package org.ecgkit.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void limitIsHalfTheMachineAtMostAndNeverAboveJavaCppsOwn() {
        long limit = NativeMemory.limit();

        assertTrue(limit > 0, "limit " + limit);
        assertTrue(limit <= Pointer.totalPhysicalBytes() / 2, limit + " > half of " + Pointer.totalPhysicalBytes());
        assertTrue(Pointer.maxPhysicalBytes() <= 0 || limit <= Pointer.maxPhysicalBytes(),
                limit + " > JavaCPP's maxPhysicalBytes " + Pointer.maxPhysicalBytes());
    }
}
