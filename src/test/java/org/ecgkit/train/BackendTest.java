package org.ecgkit.train;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendTest {

    @Test
    void describesTheCpuBackendOfThisBuild() {
        Table description = Backend.describe();
        List<String> properties = description.stringColumn("property").asList();
        assertEquals(List.of("backend", "requested", "device", "memory", "threads", "blas", "native build", "data type"), properties);
        String backend = description.stringColumn("value").get(0);
        assertTrue(backend.startsWith("CpuBackend"), backend);
        String threads = description.stringColumn("value").get(properties.indexOf("threads"));
        assertTrue(threads.matches("ops \\d+, BLAS \\d+"), threads);
    }

    @Test
    void anUnknownBackendSettingIsRefused() {
        System.setProperty("ecgkit.backend", "tpu");
        try {
            assertEquals("ECGKIT_BACKEND is 'tpu' but must be cpu or cuda",
                    assertThrows(IllegalArgumentException.class, Backend::requested).getMessage());
        } finally {
            System.clearProperty("ecgkit.backend");
        }
    }
}
