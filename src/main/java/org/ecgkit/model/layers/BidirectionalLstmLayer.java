package org.ecgkit.model.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static org.ecgkit.model.layers.BidirectionalLstmParams.BIAS;
import static org.ecgkit.model.layers.BidirectionalLstmParams.DIRECTIONS;
import static org.ecgkit.model.layers.BidirectionalLstmParams.INPUT_WEIGHTS;
import static org.ecgkit.model.layers.BidirectionalLstmParams.RECURRENT_WEIGHTS;

/**
 * The computation of a {@link BidirectionalLstm}. Per direction, with gates in DL4J's column order
 * {@code [g | f, o, i]} (block input, forget, output, input gate):
 * <pre>
 *   z_t = x_t W + h_prev RW + b;  g = tanh(z_g);  f, o, i = sigmoid(z_f, z_o, z_i)
 *   c_t = f c_prev + i g;         h_t = o tanh(c_t)
 * </pre>
 * where "prev" is the step before in the direction's own order (t - 1 forwards, t + 1 backwards), zero at the start.
 * Everything is time-major ({@code [T * B, ...]} row blocks, one per step) so that each step's rows are contiguous.
 * The input projection {@code x W + b} of all steps is one matrix product; each step adds {@code h_prev RW} and runs
 * seven element-wise operations. The backward pass runs ten element-wise operations and one product per step; the
 * gate derivatives are computed for all steps at once, and {@code dW}, {@code dRW} and the input gradient are one
 * product each over all steps.
 * <p>
 * Work arrays live outside DL4J's workspaces and are kept between batches (reallocated when the batch shape changes),
 * together with views of every step, so a step allocates nothing. A training forward pass keeps its gate activations
 * and cell states there for the backward pass, which DL4J's LSTM instead recomputes.
 */
final class BidirectionalLstmLayer extends BaseLayer<BidirectionalLstm> {

    private Buffers buffers;
    /** The input of the last training forward pass, whose states {@link #buffers} hold; null when none. */
    private INDArray forwardInput;

    BidirectionalLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        requireNoMask();
        INDArray x = input.castTo(dataType);
        if (x.rank() != 3 || x.size(1) != layerConf().getNIn()) {
            throw new IllegalArgumentException("layer '" + layerConf().getLayerName() + "' expects [batch, "
                    + layerConf().getNIn() + ", steps] input, got " + Arrays.toString(x.shape()));
        }
        Buffers b = buffers((int) x.size(0), (int) x.size(2));
        b.input.reshape(b.steps, b.batch, x.size(1)).assign(x.permute(2, 0, 1));
        INDArray output = workspaces.create(ArrayType.ACTIVATIONS, dataType, new long[]{b.batch, 2L * b.units, b.steps}, 'c');
        for (int d = 0; d < 2; d++) {
            forward(b, b.directions[d], d == 0);
            output.get(NDArrayIndex.all(), NDArrayIndex.interval((long) d * b.units, (long) (d + 1) * b.units), NDArrayIndex.all())
                    .assign(b.directions[d].outputs.reshape(b.steps, b.batch, b.units).permute(1, 2, 0));
        }
        forwardInput = training ? input : null;
        return output;
    }

    /** One direction over all steps; leaves gate activations, cell states, their tanh and outputs in {@code dir}. */
    private void forward(Buffers b, Direction dir, boolean forwards) {
        String key = forwards ? DIRECTIONS[0] : DIRECTIONS[1];
        Nd4j.gemm(b.input, getParam(key + INPUT_WEIGHTS), dir.gates, false, false, 1.0, 0.0);
        dir.gates.addiRowVector(getParam(key + BIAS));
        INDArray recurrent = getParam(key + RECURRENT_WEIGHTS);
        Step previous = null;
        for (int s = 0; s < b.steps; s++) {
            Step step = dir.steps[forwards ? s : b.steps - 1 - s];
            if (previous != null) {
                Nd4j.gemm(previous.h, recurrent, step.z, false, false, 1.0, 1.0);
            }
            Nd4j.exec(new Tanh(step.g, step.g));
            Nd4j.exec(new Sigmoid(step.sigmoidGates, step.sigmoidGates));
            Nd4j.exec(new MulOp(step.i, step.g, step.c));
            if (previous != null) {
                Nd4j.exec(new MulOp(step.f, previous.c, b.scratch));
                step.c.addi(b.scratch);
            }
            Nd4j.exec(new Tanh(step.c, step.cellTanh));
            Nd4j.exec(new MulOp(step.o, step.cellTanh, step.h));
            previous = step;
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        requireNoMask();
        if (forwardInput != input || buffers == null) {
            // No training forward pass on this input to reuse (e.g. after an inference call): run one.
            activate(true, workspaces);
        }
        Buffers b = buffers;
        Gradient gradient = new DefaultGradient();
        for (int d = 0; d < 2; d++) {
            Direction dir = b.directions[d];
            String key = DIRECTIONS[d];
            dir.gradOutputs.reshape(b.steps, b.batch, b.units).assign(epsilon.get(NDArrayIndex.all(),
                    NDArrayIndex.interval((long) d * b.units, (long) (d + 1) * b.units), NDArrayIndex.all()).permute(2, 0, 1));
            backward(b, dir, d == 0, getParam(key + RECURRENT_WEIGHTS));
            INDArray gradW = gradientViews.get(key + INPUT_WEIGHTS);
            INDArray gradRW = gradientViews.get(key + RECURRENT_WEIGHTS);
            INDArray gradB = gradientViews.get(key + BIAS);
            Nd4j.gemm(b.input, b.gradGates, gradW, true, false, 1.0, 0.0);
            // dRW sums h_prev^T dz over the steps that have a previous step.
            long rows = (long) (b.steps - 1) * b.batch;
            INDArray previousOutputs = d == 0 ? dir.outputs.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all())
                    : dir.outputs.get(NDArrayIndex.interval(b.batch, b.batch + rows), NDArrayIndex.all());
            INDArray gates = d == 0 ? b.gradGates.get(NDArrayIndex.interval(b.batch, b.batch + rows), NDArrayIndex.all())
                    : b.gradGates.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            if (rows > 0) {
                Nd4j.gemm(previousOutputs, gates, gradRW, true, false, 1.0, 0.0);
            } else {
                gradRW.assign(0);
            }
            gradB.assign(b.gradGates.sum(0).reshape(gradB.shape()));
            Nd4j.gemm(b.gradGates, getParam(key + INPUT_WEIGHTS), b.gradInput, false, true, 1.0, d == 0 ? 0.0 : 1.0);
            for (String part : new String[]{INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS}) {
                gradient.setGradientFor(key + part, gradientViews.get(key + part));
            }
        }
        INDArray epsilonOut = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        epsilonOut.assign(b.gradInput.reshape(b.steps, b.batch, input.size(1)).permute(1, 2, 0));
        forwardInput = null;
        return new Pair<>(gradient, epsilonOut);
    }

    /** Fills {@code b.gradGates} with dLoss/dz of every step of one direction. */
    private void backward(Buffers b, Direction dir, boolean forwards, INDArray recurrent) {
        // Derivatives of the activations, all steps at once: 1 - g^2 for the block input, a (1 - a) for the gates.
        Nd4j.exec(new MulOp(dir.gates, dir.gates.rsub(1), b.gateDerivatives));
        INDArray blockInput = dir.gates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, b.units));
        b.gateDerivatives.get(NDArrayIndex.all(), NDArrayIndex.interval(0, b.units))
                .assign(blockInput.mul(blockInput).rsubi(1));
        Nd4j.exec(new MulOp(dir.cellTanh, dir.cellTanh, b.cellTanhDerivatives));
        b.cellTanhDerivatives.rsubi(1);

        INDArray gradCell = b.gradCell[0];
        INDArray gradCellNext = b.gradCell[1];
        boolean later = false;
        for (int s = b.steps - 1; s >= 0; s--) {
            int t = forwards ? s : b.steps - 1 - s;
            Step step = dir.steps[t];
            Step previous = s == 0 ? null : dir.steps[forwards ? t - 1 : t + 1];
            StepGradients grad = b.stepGradients[t];
            INDArray gradH = dir.gradOutputSteps[t];
            if (later) {
                gradH.addi(b.gradHidden);
            }
            Nd4j.exec(new MulOp(gradH, step.o, gradCell));
            gradCell.muli(grad.cellTanhDerivative);
            if (later) {
                gradCell.addi(gradCellNext);
            }
            Nd4j.exec(new MulOp(gradCell, step.i, grad.g));
            if (previous != null) {
                Nd4j.exec(new MulOp(gradCell, previous.c, grad.f));
            } else {
                grad.f.assign(0);
            }
            Nd4j.exec(new MulOp(gradH, step.cellTanh, grad.o));
            Nd4j.exec(new MulOp(gradCell, step.g, grad.i));
            grad.z.muli(grad.gateDerivative);
            // The cell gradient carried to the previous step.
            Nd4j.exec(new MulOp(gradCell, step.f, gradCellNext));
            if (previous != null) {
                Nd4j.gemm(grad.z, recurrent, b.gradHidden, false, true, 1.0, 0.0);
            }
            later = true;
        }
    }

    private void requireNoMask() {
        if (maskArray != null) {
            throw new UnsupportedOperationException("layer '" + layerConf().getLayerName()
                    + "' does not support masks; use equal-length sequences");
        }
    }

    private Buffers buffers(int batch, int steps) {
        if (buffers == null || buffers.batch != batch || buffers.steps != steps) {
            buffers = null;
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                buffers = new Buffers(batch, steps, (int) layerConf().getNIn(), (int) layerConf().getNOut(), dataType);
            }
        }
        return buffers;
    }

    @Override
    public void clear() {
        super.clear();
        forwardInput = null;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no weight noise
    }

    /** Work arrays for one batch shape, with views of each step's rows. */
    private static final class Buffers {
        final int batch;
        final int steps;
        final int units;
        final INDArray input;           // [T*B, nIn], time-major copy of the input
        final INDArray gradInput;       // [T*B, nIn]
        final INDArray gradGates;       // [T*B, 4H] dLoss/dz, one direction at a time
        final INDArray gateDerivatives; // [T*B, 4H]
        final INDArray cellTanhDerivatives; // [T*B, H]
        final INDArray scratch;         // [B, H]
        final INDArray gradHidden;      // [B, H]
        final INDArray[] gradCell;      // two [B, H], swapped each step
        final Direction[] directions;
        final StepGradients[] stepGradients;

        Buffers(int batch, int steps, int inputs, int units, DataType type) {
            this.batch = batch;
            this.steps = steps;
            this.units = units;
            long rows = (long) steps * batch;
            input = Nd4j.create(type, rows, inputs);
            gradInput = Nd4j.create(type, rows, inputs);
            gradGates = Nd4j.create(type, rows, 4L * units);
            gateDerivatives = Nd4j.create(type, rows, 4L * units);
            cellTanhDerivatives = Nd4j.create(type, rows, units);
            scratch = Nd4j.create(type, batch, units);
            gradHidden = Nd4j.create(type, batch, units);
            gradCell = new INDArray[]{Nd4j.create(type, batch, units), Nd4j.create(type, batch, units)};
            directions = new Direction[]{new Direction(this, type), new Direction(this, type)};
            stepGradients = new StepGradients[steps];
            for (int t = 0; t < steps; t++) {
                stepGradients[t] = new StepGradients(rowsOf(gradGates, t, batch), rowsOf(gateDerivatives, t, batch),
                        rowsOf(cellTanhDerivatives, t, batch), units);
            }
        }
    }

    /** Per-direction arrays over all steps, time-major, and views of each step. */
    private static final class Direction {
        final INDArray gates;      // [T*B, 4H]: pre-activations, then activations
        final INDArray cells;      // [T*B, H]
        final INDArray cellTanh;   // [T*B, H]
        final INDArray outputs;    // [T*B, H]
        final INDArray gradOutputs; // [T*B, H]
        final Step[] steps;
        final INDArray[] gradOutputSteps;

        Direction(Buffers b, DataType type) {
            long rows = (long) b.steps * b.batch;
            gates = Nd4j.create(type, rows, 4L * b.units);
            cells = Nd4j.create(type, rows, b.units);
            cellTanh = Nd4j.create(type, rows, b.units);
            outputs = Nd4j.create(type, rows, b.units);
            gradOutputs = Nd4j.create(type, rows, b.units);
            steps = new Step[b.steps];
            gradOutputSteps = new INDArray[b.steps];
            for (int t = 0; t < b.steps; t++) {
                steps[t] = new Step(rowsOf(gates, t, b.batch), rowsOf(cells, t, b.batch), rowsOf(cellTanh, t, b.batch),
                        rowsOf(outputs, t, b.batch), b.units);
                gradOutputSteps[t] = rowsOf(gradOutputs, t, b.batch);
            }
        }
    }

    /** Views of one step: the gate block z and its column groups, cell state, its tanh and output. */
    private static final class Step {
        final INDArray z;
        final INDArray g;
        final INDArray f;
        final INDArray o;
        final INDArray i;
        final INDArray sigmoidGates;
        final INDArray c;
        final INDArray cellTanh;
        final INDArray h;

        Step(INDArray z, INDArray c, INDArray cellTanh, INDArray h, int units) {
            this.z = z;
            this.g = columns(z, 0, units);
            this.f = columns(z, units, 2 * units);
            this.o = columns(z, 2 * units, 3 * units);
            this.i = columns(z, 3 * units, 4 * units);
            this.sigmoidGates = columns(z, units, 4 * units);
            this.c = c;
            this.cellTanh = cellTanh;
            this.h = h;
        }
    }

    /** Views of one step's gradient rows: dz and its column groups, and the derivatives to multiply them by. */
    private static final class StepGradients {
        final INDArray z;
        final INDArray g;
        final INDArray f;
        final INDArray o;
        final INDArray i;
        final INDArray gateDerivative;
        final INDArray cellTanhDerivative;

        StepGradients(INDArray z, INDArray gateDerivative, INDArray cellTanhDerivative, int units) {
            this.z = z;
            this.g = columns(z, 0, units);
            this.f = columns(z, units, 2 * units);
            this.o = columns(z, 2 * units, 3 * units);
            this.i = columns(z, 3 * units, 4 * units);
            this.gateDerivative = gateDerivative;
            this.cellTanhDerivative = cellTanhDerivative;
        }
    }

    private static INDArray rowsOf(INDArray timeMajor, int step, int batch) {
        return timeMajor.get(NDArrayIndex.interval((long) step * batch, (long) (step + 1) * batch), NDArrayIndex.all());
    }

    private static INDArray columns(INDArray matrix, int from, int to) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}
