package org.ecgkit.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeMismatchTest {

    private static final ModelInputs BUILT_FOR = ModelInputs.builder().waveform(12, 256).spectrogram(12, 33, 30)
            .metadata(8).classes(List.of("NORM", "AF", "OTHER")).build();

    private static EcgModel model() {
        return HybridModel.builder().fft(false).convolutions(new int[]{4}, new int[]{3}).lstm(0, 0)
                .spectrogramConvolutions(new int[]{4}, 3).build(BUILT_FOR);
    }

    private static String failure(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    @Test
    void dataWithAnotherSpectrogramSizeIsRefusedNamingBothShapes() {
        ModelInputs data = ModelInputs.builder().waveform(12, 256).spectrogram(12, 65, 30).metadata(8)
                .classes(List.of("NORM", "AF", "OTHER")).build();
        assertEquals("spectrogram input: model expects [*, 12, 33, 30] but the data has [*, 12, 65, 30]",
                failure(() -> model().requireCompatible(data)));
    }

    @Test
    void dataWithOtherLeadsMetadataOrClassesIsRefused() {
        ModelInputs.Builder base = ModelInputs.builder().spectrogram(12, 33, 30).classes(List.of("NORM", "AF", "OTHER"));
        assertEquals("waveform input: model expects [*, 12, 256] but the data has [*, 1, 256]",
                failure(() -> model().requireCompatible(base.waveform(1, 256).metadata(8).build())));
        assertEquals("metadata input: model expects [*, 8] but the data has [*, 6]",
                failure(() -> model().requireCompatible(base.waveform(12, 256).metadata(6).build())));
        String classes = failure(() -> model().requireCompatible(base.metadata(8).classes(List.of("NORM", "AF")).build()));
        assertEquals("classes: model has 3 outputs [NORM, AF, OTHER] but the data has 2 classes [NORM, AF]", classes);
        String missing = failure(() -> model().requireCompatible(base.metadata(0).classes(List.of("NORM", "AF", "OTHER")).build()));
        assertTrue(missing.startsWith("metadata input: model 'hybrid' expects [*, 8] but the data has no metadata"), missing);
        // An input the model does not read may differ.
        model().requireCompatible(base.metadata(8).fft(40).build());
    }

    @Test
    void batchOfWrongShapeIsRefusedNamingBothShapes() {
        INDArray waveform = Nd4j.zeros(DataType.FLOAT, 32, 12, 256);
        INDArray metadata = Nd4j.zeros(DataType.FLOAT, 32, 8);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 32, 3);
        INDArray wrongSpectrogram = Nd4j.zeros(DataType.FLOAT, 32, 12, 65, 30);
        assertEquals("spectrogram input: model expects [*, 12, 33, 30] but the batch has [32, 12, 65, 30]",
                failure(() -> model().requireBatch(new MultiDataSet(
                        new INDArray[]{waveform, wrongSpectrogram, metadata}, new INDArray[]{labels}))));
        assertEquals("the batch has 2 feature arrays but model 'hybrid' takes 3 inputs [waveform, spectrogram, metadata], in that order",
                failure(() -> model().requireBatch(new MultiDataSet(new INDArray[]{waveform, metadata}, new INDArray[]{labels}))));
        INDArray spectrogram = Nd4j.zeros(DataType.FLOAT, 32, 12, 33, 30);
        assertEquals("labels: model expects [*, 3] but the batch has [32, 4]",
                failure(() -> model().requireBatch(new MultiDataSet(new INDArray[]{waveform, spectrogram, metadata},
                        new INDArray[]{Nd4j.zeros(DataType.FLOAT, 32, 4)}))));
        model().requireBatch(new MultiDataSet(new INDArray[]{waveform, spectrogram, metadata}, new INDArray[]{labels}));
    }

    @Test
    void branchWithoutDataAndTooShortSignalsFailWhenBuilding() {
        String fft = failure(() -> HybridModel.builder().build(BUILT_FOR));
        assertEquals("model 'hybrid' has its fft branch on but the data has no fft input; switch the branch off", fft);
        ModelInputs shortSignals = ModelInputs.builder().waveform(1, 6).classes(2).build();
        String tooShort = failure(() -> HybridModel.cnn1d().build(shortSignals));
        assertEquals("waveform of 6 samples is too short for downsampling by 1 and 3 poolings by 2", tooShort);
    }
}
