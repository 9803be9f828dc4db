package org.ecgkit.model;

import org.ecgkit.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridModelTest {

    private static final int BATCH = 5;

    static ModelInputs inputs(Task task) {
        return ModelInputs.builder().waveform(2, 64).spectrogram(2, 8, 6).fft(5).metadata(3).classes(3).task(task).build();
    }

    /** A small hybrid with the branches in {@code mask} (bit i: Branch.values()[i]); the LSTM on for odd masks. */
    static HybridModel.Builder tiny(int mask) {
        boolean lstm = mask % 2 == 1;
        return HybridModel.builder()
                .waveform((mask & 1) != 0).spectrogram((mask & 2) != 0).fft((mask & 4) != 0).metadata((mask & 8) != 0)
                .convolutions(new int[]{4, 4}, new int[]{3, 3}).lstm(lstm ? 3 : 0, lstm ? 1 : 0)
                .spectrogramConvolutions(new int[]{3, 4}, 3).fftUnits(4).metadataUnits(2).head(5);
    }

    static Stream<Arguments> branchCombinations() {
        List<Arguments> combinations = new ArrayList<>();
        for (int mask = 1; mask < 16; mask++) {
            for (Task task : Task.values()) {
                combinations.add(Arguments.of(mask, task));
            }
        }
        return combinations.stream();
    }

    static INDArray[] randomBatch(EcgModel model) {
        return model.usedInputs().stream().map(input -> {
            long[] shape = model.inputs().shape(input).clone();
            shape[0] = BATCH;
            return Nd4j.randn(DataType.FLOAT, shape);
        }).toArray(INDArray[]::new);
    }

    @ParameterizedTest(name = "branches {0}, {1}")
    @MethodSource("branchCombinations")
    void everyBranchCombinationGivesOneProbabilityRowPerRecord(int mask, Task task) {
        EcgModel model = tiny(mask).build(inputs(task));

        List<String> expectedNames = new ArrayList<>();
        for (Branch input : Branch.values()) {
            if ((mask & (1 << input.ordinal())) != 0) {
                expectedNames.add(input.inputName());
            }
        }
        assertEquals(expectedNames, model.inputNames());

        INDArray probabilities = model.predict(randomBatch(model));
        assertArrayEquals(new long[]{BATCH, 3}, probabilities.shape());
        assertTrue(probabilities.minNumber().doubleValue() > 0 && probabilities.maxNumber().doubleValue() < 1);
        INDArray rowSums = probabilities.sum(1);
        if (task == Task.MULTICLASS) {
            assertTrue(rowSums.sub(1).amaxNumber().doubleValue() < 1e-5, "softmax rows sum to 1: " + rowSums);
        } else {
            assertTrue(rowSums.sub(1).amaxNumber().doubleValue() > 1e-3, "sigmoid outputs are independent: " + rowSums);
        }
    }

    @Test
    void presetsReadOnlyTheirInputs() {
        ModelInputs inputs = inputs(Task.MULTICLASS);
        EcgModel cnn = HybridModel.cnn1d().convolutions(new int[]{4}, new int[]{5}).build(inputs);
        EcgModel lstm = HybridModel.bilstm().lstm(4, 2).build(inputs);
        EcgModel spectrogram = HybridModel.spectrogramCnn().build(inputs);

        assertEquals(List.of("waveform"), cnn.inputNames());
        assertEquals(List.of("waveform"), lstm.inputNames());
        assertEquals(List.of("spectrogram"), spectrogram.inputNames());
        for (EcgModel model : List.of(cnn, lstm, spectrogram)) {
            assertArrayEquals(new long[]{BATCH, 3}, model.predict(randomBatch(model)).shape(), model.toString());
        }
        Table layers = lstm.summary();
        assertTrue(layers.stringColumn("layer").contains("wave_bilstm2"));
        assertTrue(!layers.stringColumn("layer").contains("wave_conv1"));
    }

    @Test
    void summaryListsEveryVertexWithShapesAndParameters() {
        EcgModel model = tiny(15).build(inputs(Task.MULTICLASS));
        Table summary = model.summary();

        assertEquals(List.of("layer", "type", "input", "output", "parameters"), summary.columnNames());
        int totalRow = summary.rowCount() - 1;
        assertEquals("total", summary.stringColumn("layer").get(totalRow));
        assertEquals(model.parameterCount(), summary.longColumn("parameters").getLong(totalRow));
        long sumOfLayers = 0;
        for (int row = 0; row < totalRow; row++) {
            sumOfLayers += summary.longColumn("parameters").getLong(row);
        }
        assertEquals(model.parameterCount(), sumOfLayers);
        assertEquals("[*, 3]", cell(summary, "output", "output"));
        assertEquals("[*, 5]", cell(summary, "output", "input"));
        assertEquals("BidirectionalLstm", cell(summary, "wave_bilstm1", "type")); // the kit's layer, the default
        // 64 samples, two poolings by 2: 16 steps of 2 x 3 units
        assertEquals("[*, 6, 16]", cell(summary, "wave_bilstm1", "output"));
        assertEquals("[*, 6] + [*, 4] + [*, 4] + [*, 2]", cell(summary, "merge", "input"));
    }

    // Row lookup by hand: Table.where breaks while nd4j's fastutil 6 shadows Tablesaw's fastutil 8 on the classpath.
    private static String cell(Table summary, String layer, String column) {
        return summary.stringColumn(column).get(summary.stringColumn("layer").indexOf(layer));
    }

    @Test
    void specRoundTripsThroughTheBuilder() {
        ModelSpec spec = tiny(13).dropout(0.1).name("variant").spec();
        assertEquals(spec, HybridModel.Builder.from(spec).spec());
    }
}
