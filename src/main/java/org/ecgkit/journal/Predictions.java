package org.ecgkit.journal;

import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Task;
import org.ecgkit.data.window.WindowPredictions;
import org.ecgkit.eval.Evaluation;
import org.ecgkit.model.AtomicFiles;
import org.ecgkit.model.EcgModel;
import org.ecgkit.train.ValidationMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A model's scores on one split, record by record: {@code id, true_<class>..., p_<class>...} in
 * {@value Run#PREDICTIONS}, with every double written exactly, so that the evaluation can be rebuilt from the file.
 *
 * @param ids        record ids, in the split's order
 * @param classNames class names, in label order
 * @param truth      0/1 targets {@code [records][classes]} (one-hot for multi-class)
 * @param scores     the model's probabilities {@code [records][classes]}
 */
record Predictions(List<String> ids, List<String> classNames, int[][] truth, double[][] scores) {

    /**
     * Runs {@code model} over {@code batches} (unshuffled), keeping the dataset's ids. On a windowed dataset (one
     * that names each window's record, such as a CinC 2017 conversion) the windows' probabilities are averaged per
     * record and each record is one row under its record id, so that a record counts once however long it is.
     */
    static Predictions of(EcgModel model, DatasetIterator batches) {
        EcgDataset dataset = batches.dataset();
        int[] rows = batches.epochOrder();
        float[][] probabilities = model.predict(batches);
        if (WindowPredictions.windowed(dataset)) {
            WindowPredictions perRecord = WindowPredictions.meanPerRecord(dataset, rows, probabilities);
            int[] labels = perRecord.labels(dataset);
            int[][] truth = new int[labels.length][dataset.classes().size()];
            for (int r = 0; r < labels.length; r++) {
                truth[r][labels[r]] = 1;
            }
            return new Predictions(perRecord.recordIds(), dataset.classes(), truth, doubles(perRecord.probabilities()));
        }
        int[][] truth = binary(doubles(Arrays.stream(rows).mapToObj(dataset::target).toArray(float[][]::new)));
        return new Predictions(Arrays.stream(rows).mapToObj(dataset::id).toList(), dataset.classes(), truth,
                doubles(probabilities));
    }

    /**
     * The validation metrics of a run's history: {@code Evaluation.scalars()} (as the trainer's default) and the
     * F1 of each class as {@code f1_<class>}, so that a class's learning curve can be followed
     * ({@code val_f1_AF}).
     */
    static ValidationMetrics withClassF1() {
        return (task, truth, probabilities, classNames) -> {
            Evaluation evaluation = new Predictions(List.of(), classNames, binary(truth), probabilities).evaluate(task);
            LinkedHashMap<String, Double> metrics = evaluation.scalars();
            evaluation.classMetrics().forEach(c -> metrics.put("f1_" + c.name(), c.f1()));
            return metrics;
        };
    }

    /** Labels as delivered in a batch or stored as targets (floats) to 0/1. */
    private static int[][] binary(double[][] truth) {
        return Arrays.stream(truth).map(row -> Arrays.stream(row).mapToInt(y -> y >= 0.5 ? 1 : 0).toArray())
                .toArray(int[][]::new);
    }

    private static double[][] doubles(float[][] values) {
        return Arrays.stream(values).map(row -> IntStream.range(0, row.length).mapToDouble(c -> row[c]).toArray())
                .toArray(double[][]::new);
    }

    /** The evaluation of these scores: argmax for a multi-class task, threshold 0.5 per class for multi-label. */
    Evaluation evaluate(Task task) {
        if (task == Task.MULTILABEL) {
            return Evaluation.multilabel(truth, scores, classNames);
        }
        int[] classes = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < truth[i].length; c++) {
                if (truth[i][c] == 1) {
                    classes[i] = c;
                }
            }
        }
        return Evaluation.multiclass(classes, scores, classNames);
    }

    void write(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("id");
        classNames.forEach(name -> csv.append(",true_").append(name));
        classNames.forEach(name -> csv.append(",p_").append(name));
        csv.append('\n');
        for (int i = 0; i < ids.size(); i++) {
            csv.append(quoted(ids.get(i)));
            for (int y : truth[i]) {
                csv.append(',').append(y);
            }
            for (double p : scores[i]) {
                csv.append(',').append(p); // Double.toString reads back to the same double
            }
            csv.append('\n');
        }
        AtomicFiles.write(file, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** An id as a CSV field: quoted when it holds a comma or a quote. */
    private static String quoted(String id) {
        return id.contains(",") || id.contains("\"") ? "\"" + id.replace("\"", "\"\"") + "\"" : id;
    }

    private static String unquoted(String field) {
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    /** Reads a file written by {@link #write} and evaluates it. */
    static Evaluation read(Path file, Task task) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",");
            int classes = (header.length - 1) / 2;
            List<String> classNames = Arrays.stream(header, 1, 1 + classes).map(h -> h.substring("true_".length())).toList();
            int records = lines.size() - 1;
            int[][] truth = new int[records][classes];
            double[][] scores = new double[records][classes];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                String line = lines.get(i + 1);
                int idEnd = line.startsWith("\"") ? line.indexOf("\",", 1) + 1 : line.indexOf(',');
                String[] cells = line.substring(idEnd + 1).split(",");
                if (idEnd <= 0 || cells.length != header.length - 1) {
                    throw new IllegalArgumentException(file + " line " + (i + 2) + " has " + (cells.length + 1)
                            + " values but the header has " + header.length);
                }
                ids.add(unquoted(line.substring(0, idEnd)));
                for (int c = 0; c < classes; c++) {
                    truth[i][c] = Integer.parseInt(cells[c]);
                    scores[i][c] = Double.parseDouble(cells[classes + c]);
                }
            }
            return new Predictions(ids, classNames, truth, scores).evaluate(task);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test predictions " + file, e);
        }
    }
}
