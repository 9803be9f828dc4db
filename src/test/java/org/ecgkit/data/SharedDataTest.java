package org.ecgkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

    @TempDir
    Path dir;

    @Test
    void sharedBesideTheWorkspaceServesNotebooksRunningInASubfolder() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("checkout"));
        Path notebooks = Files.createDirectories(repository.resolve("notebooks"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        assertEquals(shared, SharedData.root(null, notebooks, repository), "notebooks/../shared does not exist");
        assertEquals(shared, SharedData.root("", repository, notebooks), "beside the working directory comes first");
        Path configured = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(configured, SharedData.root(configured.toString(), notebooks, repository));
        assertEquals(notebooks.resolve("../shared").normalize(), SharedData.root(null, notebooks, notebooks),
                "neither exists: the documented default, which the error message then names");
    }
}
