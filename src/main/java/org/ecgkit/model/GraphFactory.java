package org.ecgkit.model;

import org.ecgkit.data.Task;
import org.ecgkit.model.layers.BidirectionalLstm;
import org.ecgkit.model.layers.Convolution2D;
import org.ecgkit.model.layers.MaxPooling1D;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayList;
import java.util.List;

/** Turns a {@link ModelSpec} and the data's {@link ModelInputs} into an initialised DL4J graph. */
final class GraphFactory {

    static final String MERGE = "merge";
    static final String OUTPUT = "output";

    private final ModelSpec spec;
    private final ModelInputs inputs;
    private final NetworkSettings settings;
    private final ComputationGraphConfiguration.GraphBuilder graph;

    private GraphFactory(ModelSpec spec, ModelInputs inputs, NetworkSettings settings) {
        this.spec = spec;
        this.inputs = inputs;
        this.settings = settings;
        NeuralNetConfiguration.Builder net = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(settings.updater())
                .weightInit(WeightInit.RELU)
                .dataType(settings.dataType())
                .trainingWorkspaceMode(settings.workspaceMode())
                .inferenceWorkspaceMode(settings.workspaceMode())
                .cacheMode(settings.cacheMode());
        if (settings.l2() > 0) {
            net.l2(settings.l2());
        }
        this.graph = net.graphBuilder();
    }

    /** The inputs the model reads: its switched-on branches, in {@link Branch} order. */
    static List<Branch> usedInputs(ModelSpec spec) {
        List<Branch> used = new ArrayList<>();
        for (Branch input : Branch.values()) {
            if (spec.uses(input)) {
                used.add(input);
            }
        }
        return used;
    }

    static ComputationGraph build(ModelSpec spec, ModelInputs inputs, NetworkSettings settings) {
        requireBuildable(spec, inputs, settings);
        return new GraphFactory(spec, inputs, settings).assemble();
    }

    /** DL4J input type of one input, derived from the data's sizes. */
    static InputType inputType(Branch input, ModelInputs inputs) {
        return switch (input) {
            case WAVEFORM -> InputType.recurrent(inputs.leads(), inputs.samples(), RNNFormat.NCW);
            case SPECTROGRAM -> InputType.convolutional(inputs.freqBins(), inputs.frames(), inputs.spectrogramChannels());
            case FFT -> InputType.feedForward(inputs.fftFeatures());
            case METADATA -> InputType.feedForward(inputs.metadataFeatures());
        };
    }

    private static void requireBuildable(ModelSpec spec, ModelInputs inputs, NetworkSettings settings) {
        for (Branch input : usedInputs(spec)) {
            if (!inputs.has(input)) {
                throw new IllegalArgumentException("model '" + spec.name() + "' has its " + input.inputName()
                        + " branch on but the data has no " + input.inputName() + " input; switch the branch off");
            }
        }
        ModelSpec.WaveformBranch wave = spec.waveform();
        if (wave != null && wave.stepsAfterPooling(inputs.samples()) < 1) {
            throw new IllegalArgumentException("waveform of " + inputs.samples() + " samples is too short for downsampling by "
                    + wave.downsample() + " and " + wave.filters().size() + " poolings by " + wave.pool());
        }
        ModelSpec.SpectrogramBranch spectrogram = spec.spectrogram();
        if (spectrogram != null) {
            int halvings = spectrogram.filters().size() - 1;
            if ((inputs.freqBins() >> halvings) < 1 || (inputs.frames() >> halvings) < 1) {
                throw new IllegalArgumentException("spectrogram of " + inputs.freqBins() + " x " + inputs.frames()
                        + " is too small for " + halvings + " 2x2 poolings");
            }
        }
        if (!settings.classWeights().isEmpty() && settings.classWeights().size() != inputs.classes()) {
            throw new IllegalArgumentException(settings.classWeights().size() + " class weights for "
                    + inputs.classes() + " classes " + inputs.classNames());
        }
    }

    private ComputationGraph assemble() {
        List<Branch> used = usedInputs(spec);
        List<String> branchOutputs = new ArrayList<>();
        for (Branch input : used) {
            graph.addInputs(input.inputName());
            branchOutputs.add(switch (input) {
                case WAVEFORM -> waveformBranch(spec.waveform());
                case SPECTROGRAM -> spectrogramBranch(spec.spectrogram());
                case FFT -> denseBranch(Branch.FFT, "fft", spec.fft());
                case METADATA -> denseBranch(Branch.METADATA, "meta", spec.metadata());
            });
        }
        String last = branchOutputs.get(0);
        if (branchOutputs.size() > 1) {
            graph.addVertex(MERGE, new MergeVertex(), branchOutputs.toArray(String[]::new));
            last = MERGE;
        }
        boolean dropBeforeNext = false;
        for (int i = 0; i < spec.head().size(); i++) {
            String name = "head_dense" + (i + 1);
            graph.addLayer(name, withDropout(new DenseLayer.Builder().nOut(spec.head().get(i))
                    .activation(Activation.RELU), dropBeforeNext).build(), last);
            last = name;
            dropBeforeNext = true;
        }
        boolean multiclass = inputs.task() == Task.MULTICLASS;
        graph.addLayer(OUTPUT, withDropout(new OutputLayer.Builder(loss(multiclass)).nOut(inputs.classes())
                .activation(multiclass ? Activation.SOFTMAX : Activation.SIGMOID)
                .weightInit(WeightInit.XAVIER), dropBeforeNext).build(), last);
        graph.setOutputs(OUTPUT);
        graph.setInputTypes(used.stream().map(input -> inputType(input, inputs)).toArray(InputType[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }

    private <T extends BaseLayer.Builder<T>> T withDropout(T layer, boolean drop) {
        if (drop && spec.dropout() > 0) {
            // DL4J's Dropout takes the probability of keeping an activation.
            layer.dropOut(new Dropout(1 - spec.dropout()));
        }
        return layer;
    }

    private ILossFunction loss(boolean multiclass) {
        if (settings.classWeights().isEmpty()) {
            return multiclass ? new LossMCXENT() : new LossBinaryXENT();
        }
        var weights = Nd4j.create(settings.classWeights().stream().mapToDouble(Double::doubleValue).toArray(),
                new long[]{1, settings.classWeights().size()}, settings.dataType());
        return multiclass ? new LossMCXENT(weights) : new LossBinaryXENT(weights);
    }

    private String waveformBranch(ModelSpec.WaveformBranch wave) {
        String last = Branch.WAVEFORM.inputName();
        if (wave.downsample() > 1) {
            graph.addLayer("wave_downsample", new Subsampling1DLayer.Builder().poolingType(PoolingType.AVG)
                    .kernelSize(wave.downsample()).stride(wave.downsample()).build(), last);
            last = "wave_downsample";
        }
        int steps = inputs.samples() / wave.downsample();
        for (int i = 0; i < wave.filters().size(); i++) {
            int block = i + 1;
            String conv = "wave_conv" + block;
            graph.addLayer(conv, new Convolution1DLayer.Builder().nOut(wave.filters().get(i))
                    .kernelSize(wave.kernels().get(i)).convolutionMode(ConvolutionMode.Same)
                    .activation(wave.batchNorm() ? Activation.IDENTITY : Activation.RELU).build(), last);
            last = conv;
            String pool = "wave_pool" + block;
            if (wave.batchNorm()) {
                last = batchNormRelu1d(block, wave.filters().get(i), steps, last);
            }
            graph.addLayer(pool, poolLayer(wave.pool()), last);
            steps /= wave.pool();
            last = pool;
        }
        for (int i = 0; i < wave.lstmLayers(); i++) {
            String lstm = "wave_bilstm" + (i + 1);
            if (dl4jLayers()) {
                graph.addLayer(lstm, new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder()
                        .nOut(wave.lstmUnits()).activation(Activation.TANH).weightInit(WeightInit.XAVIER)
                        .dataFormat(RNNFormat.NCW).build()), last);
            } else {
                graph.addLayer(lstm, new BidirectionalLstm.Builder().nOut(wave.lstmUnits()).weightInit(WeightInit.XAVIER)
                        .build(), last);
            }
            last = lstm;
        }
        graph.addLayer("wave_gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        return "wave_gap";
    }

    /**
     * Whether {@code -Decgkit.layers=dl4j} asks for DL4J's own layers instead of the kit's faster equivalents of the
     * same model and parameters (BiLSTM, spectrogram convolutions, waveform max pooling), to compare them
     * (docs/speed.md).
     */
    private static boolean dl4jLayers() {
        return System.getProperty("ecgkit.layers", "kit").equals("dl4j");
    }

    /**
     * BatchNorm + ReLU on a [B, C, T] activation. DL4J M2.1's BatchNormalization normalises recurrent input over the
     * wrong axis, so it runs on a [B, C, T, 1] view, where it is per channel as in PyTorch's BatchNorm1d. (Reshaping
     * to [B*T, C] rows with RNN/feed-forward preprocessors instead copies twice and measured slower.)
     */
    private String batchNormRelu1d(int block, int channels, int steps, String from) {
        graph.addVertex("wave_bn" + block + "_in", new ReshapeVertex(-1, channels, steps, 1), from);
        graph.addLayer("wave_bn" + block, new BatchNormalization.Builder().build(), "wave_bn" + block + "_in");
        // BatchNormalization ignores .activation(...), hence the separate ReLU.
        graph.addLayer("wave_relu" + block, new ActivationLayer.Builder().activation(Activation.RELU).build(), "wave_bn" + block);
        graph.addVertex("wave_bn" + block + "_out", new ReshapeVertex(-1, channels, steps), "wave_relu" + block);
        return "wave_bn" + block + "_out";
    }

    private static Layer poolLayer(int size) {
        return dl4jLayers()
                ? new Subsampling1DLayer.Builder().poolingType(PoolingType.MAX).kernelSize(size).stride(size).build()
                : new MaxPooling1D.Builder().size(size).build();
    }

    private String spectrogramBranch(ModelSpec.SpectrogramBranch spectrogram) {
        String last = Branch.SPECTROGRAM.inputName();
        for (int i = 0; i < spectrogram.filters().size(); i++) {
            int block = i + 1;
            String conv = "spec_conv" + block;
            ConvolutionLayer.Builder convolution = new ConvolutionLayer.Builder(spectrogram.kernel(), spectrogram.kernel())
                    .nOut(spectrogram.filters().get(i)).convolutionMode(ConvolutionMode.Same)
                    .activation(spectrogram.batchNorm() ? Activation.IDENTITY : Activation.RELU);
            graph.addLayer(conv, dl4jLayers() ? convolution.build() : new Convolution2D(convolution), last);
            last = conv;
            if (spectrogram.batchNorm()) {
                graph.addLayer("spec_bn" + block, new BatchNormalization.Builder().build(), last);
                graph.addLayer("spec_relu" + block, new ActivationLayer.Builder().activation(Activation.RELU).build(),
                        "spec_bn" + block);
                last = "spec_relu" + block;
            }
            if (i < spectrogram.filters().size() - 1) {
                String pool = "spec_pool" + block;
                graph.addLayer(pool, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build(), last);
                last = pool;
            }
        }
        graph.addLayer("spec_gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        return "spec_gap";
    }

    private String denseBranch(Branch input, String prefix, ModelSpec.DenseBranch branch) {
        String last = input.inputName();
        for (int i = 0; i < branch.units().size(); i++) {
            String dense = prefix + "_dense" + (i + 1);
            graph.addLayer(dense, new DenseLayer.Builder().nOut(branch.units().get(i)).activation(Activation.RELU).build(), last);
            last = dense;
        }
        return last;
    }
}
