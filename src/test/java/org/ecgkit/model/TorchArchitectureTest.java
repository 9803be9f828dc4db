package org.ecgkit.model;

import com.google.gson.JsonObject;
import org.ecgkit.testing.JsonFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The default architectures have as many parameters as their PyTorch twins in bench/torch_hybrid.py (fixture from
 * src/test/python/train_fixtures.py), so the benchmark compares like with like. DL4J counts BatchNorm's running mean
 * and variance as parameters, and its LSTM has one bias vector per direction where PyTorch's has two.
 */
class TorchArchitectureTest {

    private static JsonObject fixture(String name) {
        return JsonFixture.read("/fixtures/model/torch_architecture.json").getAsJsonObject(name);
    }

    private static long dl4jEquivalent(JsonObject torch) {
        return torch.get("parameters").getAsLong() + torch.get("batch_norm_running_statistics").getAsLong()
                - torch.get("second_lstm_bias").getAsLong();
    }

    @Test
    void defaultHybridMatchesItsPyTorchTwin() {
        ModelInputs inputs = ModelInputs.builder().waveform(12, 1000).spectrogram(12, 33, 30).fft(20).metadata(8).classes(5).build();
        assertEquals(dl4jEquivalent(fixture("hybrid_with_fft")), HybridModel.builder().build(inputs).parameterCount());
    }

    @Test
    void cnnBaselineMatchesItsPyTorchTwin() {
        ModelInputs inputs = ModelInputs.builder().waveform(12, 1000).classes(5).build();
        assertEquals(dl4jEquivalent(fixture("cnn1d")), HybridModel.cnn1d().build(inputs).parameterCount());
    }
}
