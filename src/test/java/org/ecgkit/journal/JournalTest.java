package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    private static final OffsetDateTime MORNING = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    @TempDir
    static Path directory;
    private static EcgDataset dataset;
    private static Experiment baseline;
    private static Experiment longer;

    @BeforeAll
    static void setUp() {
        dataset = TinyData.write(directory.resolve("sines"));
        baseline = TinyData.experiment("baseline", dataset).build();
        longer = TinyData.experiment("longer", dataset).training(t -> t.epochs(7)).build();
    }

    @AfterAll
    static void close() {
        dataset.close();
    }

    private static RunRecord entry(String id, Experiment experiment, double macroF1) {
        return Records.completed(id, experiment, dataset, MORNING, macroF1);
    }

    @Test
    void appendedEntriesReadBackAsRunsAndAsATable(@TempDir Path runs) {
        Journal journal = Journal.open(runs);
        journal.append(entry("2024-03-01-baseline-1", baseline, 0.5));
        journal.append(entry("2024-03-01-longer-1", longer, 0.75));

        assertEquals(List.of("2024-03-01-baseline-1", "2024-03-01-longer-1"), journal.entries().stream().map(Run::id).toList());
        assertEquals(baseline.toJson(), journal.run("2024-03-01-baseline-1").experiment().toJson());
        Table table = journal.runs();
        assertEquals(List.of("started", "run", "name", "model", "status", "data", "epochs", "test_accuracy",
                "test_macro_f1", "test_macro_auroc", "duration", "backend"), table.columnNames());
        assertEquals(2, table.rowCount());
        assertEquals("2024-03-01 09:30", table.stringColumn("started").get(0));
        assertEquals(0.75, table.doubleColumn("test_macro_f1").get(1));
        assertEquals(7, table.intColumn("epochs").get(1));
        assertEquals("1 min 02 s", table.stringColumn("duration").get(0));
        assertEquals(DataFingerprint.of(dataset, List.of()).shortId(), table.stringColumn("data").get(0));
        assertEquals("2024-03-01-longer-1", journal.latest("longer").id());
        String unknown = assertThrows(IllegalArgumentException.class, () -> journal.latest("hybrid")).getMessage();
        assertTrue(unknown.endsWith("has no run named hybrid; names recorded: [baseline, longer]"), unknown);
    }

    @Test
    void aTruncatedLineIsReportedByNumberAndTheEntriesAroundItStayReadable(@TempDir Path runs) throws IOException {
        Journal journal = Journal.open(runs);
        journal.append(entry("2024-03-01-baseline-1", baseline, 0.5));
        journal.append(entry("2024-03-01-baseline-2", baseline, 0.6));
        // a crash in the middle of writing the second line
        long firstLineEnd = Files.readString(journal.file()).indexOf('\n') + 1;
        try (RandomAccessFile file = new RandomAccessFile(journal.file().toFile(), "rw")) {
            file.setLength(firstLineEnd + 300);
        }
        journal.append(entry("2024-03-01-baseline-3", baseline, 0.7));

        assertEquals(List.of("2024-03-01-baseline-1", "2024-03-01-baseline-3"), journal.entries().stream().map(Run::id).toList());
        List<String> problems = journal.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("journal.jsonl line 2 is unreadable: not a complete JSON object"), problems.get(0));
        assertTrue(problems.get(0).contains("300 characters"), problems.get(0));
        Table table = journal.runs();
        assertEquals(3, table.rowCount());
        assertTrue(table.name().endsWith("(1 unreadable line)"), table.name());
        assertEquals(problems.get(0), table.stringColumn("status").get(2));
        assertEquals(3, Files.readString(journal.file()).split("\n").length, "the next entry starts a line of its own");
    }

    @Test
    void aLineThatIsJsonButNotAnEntryIsReportedToo(@TempDir Path runs) throws IOException {
        Journal journal = Journal.open(runs);
        journal.append(entry("2024-03-01-baseline-1", baseline, 0.5));
        Files.writeString(journal.file(), "{\"id\": \"edited by hand\"}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("journal.jsonl line 2 is unreadable: the entry has no name; 24 characters, starting "
                + "{\"id\": \"edited by hand\"}"), journal.problems());
    }

    @Test
    void twoProcessesAppendingAtOnceLoseAndMixNothing(@TempDir Path runs) throws Exception {
        Path template = runs.resolve("template.json");
        Files.writeString(template, Json.LINE.toJson(entry("template", baseline, 0.5)));
        Path journalDirectory = runs.resolve("journal");
        int perProcess = 40;
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalAppendLoop.class.getName(),
                    journalDirectory.toString(), template.toString(), name, String.valueOf(perProcess))
                    .redirectErrorStream(true).redirectOutput(runs.resolve(name + ".log").toFile()).start());
        }
        for (Process process : processes) {
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "appending process finished");
            assertEquals(0, process.exitValue(), Files.readString(runs.resolve("first.log"))
                    + Files.readString(runs.resolve("second.log")));
        }

        Journal journal = Journal.open(journalDirectory);
        assertEquals(List.of(), journal.problems());
        List<Run> entries = journal.entries();
        assertEquals(2 * perProcess, entries.size());
        for (String name : List.of("first", "second")) {
            List<String> numbers = entries.stream().filter(run -> run.name().equals(name))
                    .map(run -> run.message().substring(0, run.message().indexOf(' '))).toList();
            assertEquals(java.util.stream.IntStream.range(0, perProcess).mapToObj(String::valueOf).toList(), numbers,
                    name + "'s entries, each once and in its order");
        }
        Set<String> ids = new HashSet<>();
        entries.forEach(run -> assertTrue(ids.add(run.id()), "run folder " + run.id() + " given twice"));
        try (Stream<Path> folders = Files.list(journalDirectory)) {
            assertEquals(2 * perProcess, folders.filter(Files::isDirectory).count());
        }
    }

    @Test
    void compareShowsConfigurationDifferencesAndMetricDifferences(@TempDir Path runs) {
        Journal journal = Journal.open(runs);
        journal.append(entry("a", baseline, 0.5));
        journal.append(entry("b", longer, 0.75));
        Table table = journal.compare(journal.run("a"), journal.run("b"));
        assertEquals(List.of("section", "key", "a", "b", "difference"), table.columnNames());

        List<String> configKeys = table.where(table.stringColumn("section").isEqualTo("config"))
                .stringColumn("key").asList();
        assertEquals(List.of("name", "training.epochs"), configKeys);
        Table epochs = table.where(table.stringColumn("key").isEqualTo("training.epochs"));
        assertEquals("3", epochs.stringColumn("a").get(0));
        assertEquals("7", epochs.stringColumn("b").get(0));
        assertEquals(-4, epochs.doubleColumn("difference").get(0));
        Table macroF1 = table.where(table.stringColumn("key").isEqualTo("macro_f1"));
        assertEquals(-0.25, macroF1.doubleColumn("difference").get(0), 1e-12);
        assertFalse(table.stringColumn("section").contains("data"), "same data");

        Table all = journal.compare(journal.run("a"), journal.run("b"), true);
        assertTrue(all.stringColumn("key").contains("training.optimiser.learningRate"));
        assertTrue(all.stringColumn("key").contains("data.inputs[1].columns"));
    }

    @Test
    void theDailyLogListsTheDaysRunsAndKeepsTheResearchersNotes(@TempDir Path runs) throws IOException {
        Journal journal = Journal.open(runs);
        journal.append(entry("2024-03-01-baseline-1", baseline, 0.5));
        journal.append(Records.completed("2024-03-02-baseline-1", baseline, dataset, MORNING.plusDays(1), 0.9));
        LocalDate day = MORNING.toLocalDate();
        DailyLog log = journal.dailyLog(day);

        assertEquals(runs.resolve("daily").resolve("2024-03-01.md"), log.file());
        String text = Files.readString(log.file());
        assertEquals(text, log.markdown());
        assertTrue(text.startsWith("# Lab notebook: 2024-03-01\n"), text);
        for (String section : List.of("## What was run", "## Results (test split, best checkpoint)", "## Best run",
                "## What I learned", "## Blockers", "## Reflection")) {
            assertTrue(text.contains(section + "\n"), section + " in\n" + text);
        }
        assertTrue(text.contains(baseline.describe()), text);
        assertFalse(text.contains("2024-03-02-baseline-1"), "only the day's runs");

        String edited = text.replace("## What I learned\n", "## What I learned\n\nThe seed matters more than I thought.\n")
                .replace("## Blockers\n", "## Blockers\n\nWaiting for the GPU.\n");
        Files.writeString(log.file(), edited);
        journal.append(Records.completed("2024-03-01-longer-1", longer, dataset, MORNING.plusHours(2), 0.8));
        String regenerated = journal.dailyLog(day).markdown();

        assertTrue(regenerated.contains("The seed matters more than I thought.\n"), regenerated);
        assertTrue(regenerated.contains("Waiting for the GPU.\n"), regenerated);
        assertTrue(regenerated.contains("[`2024-03-01-longer-1`](../2024-03-01-longer-1/) (longer, model hybrid): test "
                + "macro F1 0.800"), "the new run is the best of the day:\n" + regenerated);
        assertEquals(1, regenerated.split("## What I learned", -1).length - 1);

        Files.writeString(log.file(), "my own notes, markers deleted\n");
        String message = assertThrows(IllegalStateException.class, () -> journal.dailyLog(day)).getMessage();
        assertTrue(message.contains("has lost the markers"), message);
        assertEquals("my own notes, markers deleted\n", Files.readString(log.file()), "left alone");
    }
}
