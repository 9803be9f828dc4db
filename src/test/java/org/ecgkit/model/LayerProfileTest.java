package org.ecgkit.model;

import org.ecgkit.data.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerProfileTest {

    /** Waveform only (the cnn1d shape, whose first layer reads the graph's input directly), and all four branches. */
    @ParameterizedTest(name = "branches {0}")
    @ValueSource(ints = {1, 15})
    void profilesEveryVertexOfAFreshModel(int mask) {
        EcgModel model = HybridModelTest.tiny(mask).build(HybridModelTest.inputs(Task.MULTICLASS));
        INDArray[] features = HybridModelTest.randomBatch(model);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, features[0].size(0), 3);
        labels.getColumn(0).assign(1);

        Table profile = LayerProfile.measure(model, new MultiDataSet(features, new INDArray[]{labels}), 1, 2);

        List<String> expected = new ArrayList<>();
        for (int index : model.graph().topologicalSortOrder()) {
            if (!model.graph().getVertices()[index].isInputVertex()) {
                expected.add(model.graph().getVertices()[index].getVertexName());
            }
        }
        expected.addAll(List.of("optimiser + other", "total"));
        assertEquals(expected, profile.stringColumn("layer").asList());
        double total = profile.doubleColumn("train_ms").getDouble(profile.rowCount() - 1);
        assertTrue(total > 0, "total train ms " + total);
    }
}
