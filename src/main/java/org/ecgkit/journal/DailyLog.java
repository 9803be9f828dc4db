package org.ecgkit.journal;

import org.ecgkit.model.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A day's entry of the lab notebook, {@code runs/daily/<date>.md}: a generated part (what was run, the results,
 * the best run) between two markers, and the researcher's sections "What I learned", "Blockers" and "Reflection".
 * Writing it again replaces the generated part only, so notes survive; a notebook shows it as Markdown.
 *
 * @param date     the day
 * @param file     where it was written
 * @param markdown its content
 */
public record DailyLog(LocalDate date, Path file, String markdown) {

    static final String BEGIN = "<!-- ecgkit:generated:begin. Journal.dailyLog() rewrites everything between these"
            + " markers; write your notes outside them -->";
    static final String END = "<!-- ecgkit:generated:end -->";
    static final List<String> SECTIONS = List.of("What I learned", "Blockers", "Reflection");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static DailyLog write(Path file, LocalDate date, List<Run> runs) {
        String generated = BEGIN + "\n\n" + generated(runs, file.getParent()) + "\n" + END;
        try {
            String text;
            if (Files.isRegularFile(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                int begin = old.indexOf(BEGIN);
                int end = old.indexOf(END);
                if (begin < 0 || end < begin) {
                    throw new IllegalStateException(file + " has lost the markers around its generated part (" + BEGIN
                            + " ... " + END + "); put them back around the part to regenerate, or move the file away");
                }
                text = old.substring(0, begin) + generated + old.substring(end + END.length());
            } else {
                text = "# Lab notebook: " + date + "\n\n" + generated + "\n\n"
                        + SECTIONS.stream().map(section -> "## " + section + "\n\n").collect(Collectors.joining("\n"));
            }
            String content = text;
            AtomicFiles.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
            return new DailyLog(date, file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the daily log " + file, e);
        }
    }

    private static String generated(List<Run> runs, Path logDirectory) {
        if (runs.isEmpty()) {
            return "## What was run\n\nNo runs were recorded on this day.\n";
        }
        StringBuilder md = new StringBuilder("## What was run\n\n");
        for (Run run : runs) {
            md.append(String.format(Locale.ROOT, "- **%s** %s, %s: %s. Data `%s`. %s in %s%s.%n",
                    run.started().format(TIME), link(run, logDirectory), cell(run.name()),
                    cell(run.experiment().describe()), run.data().shortId(), capitalised(run.status().label()),
                    Run.duration(run.seconds()),
                    run.rerunOf() != null ? ", rerun of `" + run.rerunOf() + "`" : ""));
            if (!run.message().isEmpty()) {
                md.append("  ").append(cell(run.message())).append('\n');
            }
        }
        md.append("\n## Results (test split, best checkpoint)\n\n")
                .append("| run | model | status | accuracy | macro F1 | macro AUROC | F1 per class | duration |\n")
                .append("|---|---|---|---:|---:|---:|---|---:|\n");
        for (Run run : runs) {
            String perClass = run.record().testF1().entrySet().stream()
                    .map(e -> e.getKey() + " " + decimal(e.getValue())).collect(Collectors.joining(" · "));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", link(run, logDirectory),
                    cell(run.record().model()), run.status().label(), decimal(run.testMetric("accuracy")),
                    decimal(run.testMetric("macro_f1")), decimal(run.testMetric("macro_auroc")), cell(perClass),
                    Run.duration(run.seconds())));
        }
        md.append("\n## Best run\n\n");
        runs.stream().filter(run -> run.status().evaluated())
                .max(Comparator.comparingDouble(run -> run.testMetric("macro_f1"))) // a tie keeps the earlier run
                .ifPresentOrElse(best -> md.append(String.format(Locale.ROOT,
                                "%s (%s, model %s): test macro F1 %s, accuracy %s, macro AUROC %s; the highest test "
                                        + "macro F1 of the day's evaluated runs.%n", link(best, logDirectory),
                                cell(best.name()), cell(best.record().model()), decimal(best.testMetric("macro_f1")),
                                decimal(best.testMetric("accuracy")), decimal(best.testMetric("macro_auroc")))),
                        () -> md.append("No run of this day was evaluated on the test split.\n"));
        return md.toString();
    }

    private static String link(Run run, Path logDirectory) {
        return "[`" + run.id() + "`](" + logDirectory.relativize(run.folder()).toString().replace('\\', '/') + "/)";
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String toString() {
        return markdown;
    }
}
