package org.ecgkit.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up of the kernel without Jupyter: extensions from META-INF/services (test resources) and rendering. */
class JShellKernelTest {

    /** Registered in the test resources before {@link ImportingExtension}: must not keep it from installing. */
    public static final class BrokenExtension implements Extension {
        @Override
        public void install(BaseKernel kernel) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** Imports a package and renders a type, as a library's extension does. */
    public static final class ImportingExtension implements Extension {
        @Override
        public void install(BaseKernel kernel) {
            kernel.getRenderer().createRegistration(LocalDate.class)
                    .preferring(MIMEType.TEXT_HTML)
                    .register((date, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + date + "</b>"));
            kernel.eval("import java.time.*;");
        }
    }

    private static JShellKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new JShellKernel(System.getProperty("java.class.path"), Duration.ofSeconds(1));
        kernel.onStartup();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void aFailingExtensionDoesNotStopTheOthers() {
        Object value = kernel.evalRaw("LocalDate.of(2024, 2, 29)");

        assertEquals(LocalDate.of(2024, 2, 29), value);
        assertEquals("<b>2024-02-29</b>", kernel.render(value).getData(MIMEType.TEXT_HTML));
    }

    @Test
    void defaultImportsAndDisplayFunctionsAreThere() {
        assertEquals(java.util.List.of(1, 2), kernel.evalRaw("List.of(1, 2)"));
        assertEquals("function", kernel.evalRaw("Function<Object, String> show = value -> display(value); \"function\""));
    }

    @Test
    void evalRawReportsErrorsWithTheirText() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kernel.evalRaw("int x = \"no\";"));

        assertTrue(e.getMessage().startsWith("CompileError: incompatible types"), e.getMessage());
    }

    @Test
    void arraysAreShownShortened() {
        Object value = kernel.evalRaw("new double[100]");

        assertTrue(((String) kernel.render(value).getData(MIMEType.TEXT_PLAIN)).startsWith("double[100] { 0.0,"));
    }
}
