package org.ecgkit.notebook;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcgkitJupyterTest {

    @Test
    void kernelsFindTheExtensionThroughServiceLoader() {
        List<String> extensions = ServiceLoader.load(Extension.class).stream()
                .map(provider -> provider.type().getName())
                .collect(Collectors.toList());

        assertTrue(extensions.contains(EcgkitJupyter.class.getName()), extensions.toString());
    }

    @Test
    void everyDefaultImportCompiles() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String line : EcgkitJupyter.importStatements().split("\n")) {
                List<SnippetEvent> events = shell.eval(line);
                assertEquals(Snippet.Status.VALID, events.get(0).status(),
                        line + ": " + shell.diagnostics(events.get(0).snippet()).map(d -> d.getMessage(null)).collect(Collectors.toList()));
            }
        }
    }
}
