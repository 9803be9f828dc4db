package org.ecgkit.cli;

import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.Branch;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * Smoke test of the ND4J backend: prints {@link Backend#describe()}, then trains the default hybrid model on one
 * random batch a few times and prints the loss and the time per step. Run it on a GPU machine after building with
 * {@code -Pcuda} to see that CUDA is used and computes.
 */
public final class BackendCheck {

    private BackendCheck() {
    }

    public static void main(String[] args) {
        System.out.println(Backend.describe().printAll());
        ModelInputs inputs = ModelInputs.builder().waveform(12, 1000).spectrogram(12, 33, 30).fft(20).metadata(8)
                .classes(5).build();
        EcgModel model = HybridModel.builder().build(inputs);
        int batch = 64;
        Nd4j.getRandom().setSeed(1);
        INDArray[] features = model.usedInputs().stream().map(input -> Nd4j.randn(DataType.FLOAT, batchShape(inputs, input, batch)))
                .toArray(INDArray[]::new);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, inputs.classes());
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % inputs.classes(), 1);
        }
        MultiDataSet data = new MultiDataSet(features, new INDArray[]{labels});
        model.requireBatch(data);
        for (int step = 1; step <= 10; step++) {
            long start = System.nanoTime();
            model.graph().fit(data);
            System.out.printf(Locale.ROOT, "step %2d  loss %.4f  %.1f ms%n", step, model.graph().score(), (System.nanoTime() - start) / 1e6);
        }
        long start = System.nanoTime();
        INDArray probabilities = model.predict(features);
        System.out.printf(Locale.ROOT, "inference %s in %.1f ms on %s%n", java.util.Arrays.toString(probabilities.shape()),
                (System.nanoTime() - start) / 1e6, Nd4j.getBackend().getClass().getSimpleName());
    }

    static long[] batchShape(ModelInputs inputs, Branch input, int batch) {
        long[] shape = inputs.shape(input).clone();
        shape[0] = batch;
        return shape;
    }
}
