package org.ecgkit.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.NetworkSettings;
import org.ecgkit.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationTest {

    /** The validation loss is what DL4J's own loss layer scores for the same data, class weights included. */
    @ParameterizedTest
    @EnumSource(Task.class)
    void lossEqualsDl4jScore(Task task) {
        ModelInputs inputs = ModelInputs.builder().fft(6).metadata(3).classes(3).task(task).build();
        List<Double> weights = List.of(1.0, 2.0, 0.5);
        EcgModel model = EcgModel.build(HybridModel.builder().waveform(false).spectrogram(false).spec(), inputs,
                NetworkSettings.defaults().withClassWeights(weights));
        var data = SyntheticBatches.of(inputs, model.usedInputs(), 40, 40, 5, false).all();
        ComputationGraph graph = model.graph();

        double[][] truth = data.getLabels(0).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] probabilities = graph.output(false, data.getFeatures())[0].castTo(DataType.DOUBLE).toDoubleMatrix();
        double dl4j = graph.score(data, false);

        assertEquals(dl4j, Validation.loss(task, truth, probabilities, weights), 1e-5 * dl4j);
    }

    /** Accuracy against scikit-learn: accuracy_score, and 1 - hamming_loss for multi-label. */
    @ParameterizedTest
    @EnumSource(Task.class)
    void accuracyMatchesScikitLearn(Task task) throws IOException {
        JsonObject fixture;
        try (var reader = new InputStreamReader(ValidationTest.class.getResourceAsStream("/fixtures/train/metrics.json"),
                StandardCharsets.UTF_8)) {
            fixture = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject(task.manifestName());
        }
        Gson gson = new Gson();
        double[][] truth = gson.fromJson(fixture.get("truth"), double[][].class);
        double[][] probabilities = gson.fromJson(fixture.get("probabilities"), double[][].class);

        double accuracy = ValidationMetrics.accuracy().compute(task, truth, probabilities, List.of("a", "b", "c", "d")).get("accuracy");

        assertEquals(fixture.get("accuracy").getAsDouble(), accuracy, 1e-12);
    }
}
