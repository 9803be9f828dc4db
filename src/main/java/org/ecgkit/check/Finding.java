package org.ecgkit.check;

import java.util.List;

/**
 * The result of one check.
 *
 * @param check    the check's name, e.g. {@code duplicate records}
 * @param severity how bad it is; {@link Severity#OK} for a check that found nothing
 * @param records  how many records are affected
 * @param examples ids of a few affected records (or groups such as {@code 456=457})
 * @param message  what was found and what was expected
 */
public record Finding(String check, Severity severity, int records, List<String> examples, String message) {

    public Finding {
        examples = List.copyOf(examples);
    }

    static Finding ok(String check, String message) {
        return new Finding(check, Severity.OK, 0, List.of(), message);
    }
}
