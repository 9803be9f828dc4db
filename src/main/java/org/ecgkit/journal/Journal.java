package org.ecgkit.journal;

import org.ecgkit.data.Workspace;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The experiment journal: a directory ({@code runs/} of the workspace by default) holding one folder per run and
 * {@code journal.jsonl}, one line per run. Any number of notebooks and processes may record runs at once.
 *
 * <pre>{@code
 * var journal = Journal.open();
 * journal.runs();                                                       // a Table, one row per run
 * journal.compare(journal.latest("baseline-cnn"), journal.latest("hybrid"));
 * journal.dailyLog();                                                   // runs/daily/<today>.md
 * Journal.rerun(journal.latest("baseline-cnn")).matches();              // true on CPU
 * }</pre>
 */
public final class Journal {

    /** The journal file in the journal directory. */
    public static final String FILE = "journal.jsonl";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Path directory;

    private Journal(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The workspace's journal, {@code <workspace>/runs}. */
    public static Journal open() {
        return open(Workspace.runs());
    }

    /** The journal in {@code directory}; created with its first run. */
    public static Journal open(Path directory) {
        return new Journal(Objects.requireNonNull(directory, "directory"));
    }

    public Path directory() {
        return directory;
    }

    /** {@code <directory>/journal.jsonl}. */
    public Path file() {
        return directory.resolve(FILE);
    }

    /**
     * One row per run, oldest first: started, run, name, model, status, data (fingerprint), epochs, test accuracy,
     * macro F1 and macro AUROC, duration, backend. An unreadable journal line (a crash mid-write, an edit gone
     * wrong) shows as a row whose status names the line; the runs around it are listed as usual.
     */
    public Table runs() {
        JournalFile.Lines lines = JournalFile.read(file());
        StringColumn started = StringColumn.create("started");
        StringColumn id = StringColumn.create("run");
        StringColumn name = StringColumn.create("name");
        StringColumn model = StringColumn.create("model");
        StringColumn status = StringColumn.create("status");
        StringColumn data = StringColumn.create("data");
        IntColumn epochs = IntColumn.create("epochs");
        DoubleColumn accuracy = DoubleColumn.create("test_accuracy");
        DoubleColumn macroF1 = DoubleColumn.create("test_macro_f1");
        DoubleColumn macroAuroc = DoubleColumn.create("test_macro_auroc");
        StringColumn duration = StringColumn.create("duration");
        StringColumn backend = StringColumn.create("backend");
        for (RunRecord record : lines.records()) {
            Run run = new Run(directory, record);
            started.append(run.started().format(MINUTES));
            id.append(record.id());
            name.append(record.name());
            model.append(record.model());
            status.append(record.status().label() + (record.rerunOf() != null ? " (rerun of " + record.rerunOf() + ")" : ""));
            data.append(record.data().shortId());
            epochs.append(record.epochs());
            accuracy.append(run.testMetric("accuracy"));
            macroF1.append(run.testMetric("macro_f1"));
            macroAuroc.append(run.testMetric("macro_auroc"));
            duration.append(Run.duration(record.seconds()));
            backend.append(record.environment() == null ? "" : record.environment().backend());
        }
        for (String problem : lines.problems()) {
            Stream.of(started, id, name, model, data, duration, backend).forEach(StringColumn::appendMissing);
            status.append(problem);
            epochs.appendMissing();
            accuracy.appendMissing();
            macroF1.appendMissing();
            macroAuroc.appendMissing();
        }
        String title = "Journal " + file() + (lines.problems().isEmpty() ? ""
                : " (" + lines.problems().size() + " unreadable line" + (lines.problems().size() > 1 ? "s" : "") + ")");
        return Table.create(title, started, id, name, model, status, data, epochs, accuracy, macroF1, macroAuroc,
                duration, backend);
    }

    /** The readable runs, oldest first. */
    public List<Run> entries() {
        return JournalFile.read(file()).records().stream().map(record -> new Run(directory, record)).toList();
    }

    /** One sentence per unreadable journal line, naming its number; empty when every line reads. */
    public List<String> problems() {
        return JournalFile.read(file()).problems();
    }

    /** The run with this id ({@code <date>-<name>-<n>}). */
    public Run run(String id) {
        return entries().stream().filter(run -> run.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the journal " + file() + " has no run " + id + "; its runs are "
                        + entries().stream().map(Run::id).toList()));
    }

    /** The most recent run of the experiment called {@code name}. */
    public Run latest(String name) {
        List<Run> all = entries();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).name().equals(name)) {
                return all.get(i);
            }
        }
        throw new IllegalArgumentException("the journal " + file() + " has no run named " + name
                + "; names recorded: " + all.stream().map(Run::name).distinct().toList());
    }

    /**
     * Side by side: the configuration keys that differ (the experiment's JSON flattened to dotted keys, e.g.
     * {@code training.epochs}), data and environment differences, how each run ended, and every test metric with
     * the difference {@code a − b}.
     */
    public Table compare(Run a, Run b) {
        return RunComparison.of(a, b, false);
    }

    /** As {@link #compare(Run, Run)}; with {@code allKeys} also the configuration keys that are equal. */
    public Table compare(Run a, Run b, boolean allKeys) {
        return RunComparison.of(a, b, allKeys);
    }

    /** The lab-notebook entry of today; see {@link #dailyLog(LocalDate)}. */
    public DailyLog dailyLog() {
        return dailyLog(LocalDate.now());
    }

    /**
     * Writes {@code daily/<date>.md}: what was run that day (each experiment in one line), the results table, the
     * best run, and the sections "What I learned", "Blockers" and "Reflection" for the researcher. When the file
     * exists, only the generated part between its markers is replaced: notes written outside them stay.
     */
    public DailyLog dailyLog(LocalDate date) {
        List<Run> runs = entries().stream().filter(run -> run.started().toLocalDate().equals(date)).toList();
        return DailyLog.write(directory.resolve("daily").resolve(date + ".md"), date, runs);
    }

    /**
     * Trains {@code run}'s experiment again, from its recorded configuration, into a new run folder of the journal
     * it came from, and compares histories and test metrics. Refuses, naming both fingerprints, when the dataset's
     * files differ from those the run was trained on. On CPU the trainer is deterministic for a given seed, so
     * {@link Rerun#matches()} should be true; CUDA kernels are not guaranteed deterministic.
     */
    public static Rerun rerun(Run run) {
        Run again = new ExperimentRun(run.experiment(), run.journal(), List.of(), run.id(), run.data()).execute();
        return Rerun.of(run, again);
    }

    /** Creates the folder {@code <date>-<name>-<n>} with the next free {@code n}; safe with other processes. */
    Path newRunFolder(LocalDate date, String name) {
        String prefix = date + "-" + UNSAFE.matcher(name).replaceAll("-") + "-";
        Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
        try {
            Files.createDirectories(directory);
            int n = 1;
            try (Stream<Path> existing = Files.list(directory)) {
                n += existing.map(path -> numbered.matcher(path.getFileName().toString())).filter(Matcher::matches)
                        .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
            }
            while (true) {
                try {
                    return Files.createDirectory(directory.resolve(prefix + n)); // atomic: fails if another got it
                } catch (FileAlreadyExistsException taken) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + directory, e);
        }
    }

    /** Appends the run's entry (without its history) to the journal file. */
    void append(RunRecord record) {
        JournalFile.append(file(), Json.LINE.toJson(record.withoutHistory()));
    }

    @Override
    public String toString() {
        return "Journal " + file();
    }
}
