package org.ecgkit.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.NetworkSettings;
import org.ecgkit.data.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashMap;
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

    /** Each epoch gets val_loss and every Evaluation scalar, prefixed val_, computed over the whole validation set. */
    @ParameterizedTest
    @EnumSource(Task.class)
    void addsTheEvaluationOfTheWholeValidationSet(Task task) {
        ModelInputs inputs = ModelInputs.builder().fft(6).metadata(3).classes(List.of("x", "y", "z")).task(task).build();
        Trainer trainer = Trainer.fromConfig(TrainingConfig.builder(inputs,
                HybridModel.builder().waveform(false).spectrogram(false).spec()).build());
        SyntheticBatches data = SyntheticBatches.of(inputs, trainer.model().usedInputs(), 40, 16, 5, false);
        LinkedHashMap<String, Double> values = new LinkedHashMap<>();

        new Validation(data, ValidationMetrics.evaluation()).onEpochEnd(trainer, 1, values);

        double[][] truth = data.labels().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] probabilities = trainer.model().graph().output(false, data.features())[0].castTo(DataType.DOUBLE).toDoubleMatrix();
        LinkedHashMap<String, Double> expected = new LinkedHashMap<>();
        expected.put("val_loss", Validation.loss(task, truth, probabilities, List.of()));
        ValidationMetrics.evaluation().compute(task, truth, probabilities, inputs.classNames())
                .forEach((name, value) -> expected.put("val_" + name, value));
        assertEquals(expected.keySet(), values.keySet());
        expected.forEach((name, value) -> assertEquals(value, values.get(name), 1e-6, name));
    }
}
