package org.ecgkit.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ecgkit.testing.JsonFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rates per epoch against PyTorch's StepLR, ExponentialLR and CosineAnnealingLR (src/test/python/train_fixtures.py). */
class LearningRateScheduleTest {

    private static final JsonObject TORCH = JsonFixture.read("/fixtures/train/schedules.json");

    private static void assertRates(String name, LearningRateSchedule schedule) {
        JsonArray expected = TORCH.getAsJsonArray(name);
        int epochs = TORCH.get("epochs").getAsInt();
        double base = TORCH.get("base").getAsDouble();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            assertEquals(expected.get(epoch - 1).getAsDouble(), schedule.rate(base, epoch, epochs), 1e-12, name + " epoch " + epoch);
        }
    }

    @Test
    void stepMatchesStepLR() {
        assertRates("step_every_2_factor_0.5", LearningRateSchedule.step(2, 0.5));
    }

    @Test
    void exponentialMatchesExponentialLR() {
        assertRates("exponential_0.9", LearningRateSchedule.exponential(0.9));
    }

    @Test
    void cosineMatchesCosineAnnealingLR() {
        assertRates("cosine_minimum_0.1", LearningRateSchedule.cosine(0.1));
    }
}
