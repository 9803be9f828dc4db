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
 * The computation of a {@link BidirectionalLstm}. Per direction, with gates in DL4J's order (block input g, forget f,
 * output o, input gate i):
 * <pre>
 *   z_t = x_t W + h_prev RW + b;  g = tanh(z_g);  f, o, i = sigmoid(z_f, z_o, z_i)
 *   c_t = f c_prev + i g;         h_t = o tanh(c_t)
 * </pre>
 * where "prev" is the step before in the direction's own order (t - 1 forwards, t + 1 backwards), zero at the start.
 * <p>
 * Why it is fast. Each step's quantities are kept transposed ({@code [4H, B]}, {@code [H, B]}), so that every gate is
 * a contiguous block and each element-wise operation takes ND4J's fast path. The input projection {@code x W + b} of
 * all steps is one matrix product; a step then needs one small product and seven element-wise operations forwards,
 * eleven backwards. The activation derivatives are computed for all steps at once, and {@code dW}, {@code dRW} and the
 * input gradient are one product each over all steps. The training forward pass keeps what the backward pass needs,
 * which DL4J's LSTM recomputes. The two directions are independent and run in parallel, one thread each, with ND4J's
 * own op threading switched off for the while: the operations of a step are too small to gain from splitting them.
 * <p>
 * Work arrays live outside DL4J's workspaces and are kept between batches (reallocated when the batch shape changes),
 * together with views of every step, so that a step allocates nothing.
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
        b.inputs.reshape(b.steps, b.batch, x.size(1)).assign(x.permute(2, 0, 1));
        DirectionThreads.run(() -> forward(b, b.directions[0]), () -> forward(b, b.directions[1]));
        INDArray output = workspaces.create(ArrayType.ACTIVATIONS, dataType, new long[]{b.batch, 2L * b.units, b.steps}, 'c');
        for (Direction dir : b.directions) {
            output.get(NDArrayIndex.all(), NDArrayIndex.interval((long) dir.index * b.units, (long) (dir.index + 1) * b.units),
                    NDArrayIndex.all()).assign(dir.outputs.permute(2, 1, 0));
        }
        forwardInput = training ? input : null;
        return output;
    }

    private void forward(Buffers b, Direction dir) {
        String key = DIRECTIONS[dir.index];
        Nd4j.gemm(b.inputs, getParam(key + INPUT_WEIGHTS), dir.projection, false, false, 1.0, 0.0);
        dir.projection.addiRowVector(getParam(key + BIAS));
        dir.preActivations.assign(dir.projection.reshape(b.steps, b.batch, 4L * b.units).permute(0, 2, 1));
        INDArray recurrent = getParam(key + RECURRENT_WEIGHTS);
        for (int s = 0; s < b.steps; s++) {
            int t = dir.time(s);
            Step step = dir.steps[t];
            Step previous = s == 0 ? null : dir.steps[dir.time(s - 1)];
            if (previous != null) {
                // z^T += RW^T h_prev^T
                Nd4j.gemm(recurrent, previous.h, step.z, true, false, 1.0, 1.0);
            }
            Nd4j.exec(new Tanh(step.zBlockInput, step.g));
            Nd4j.exec(new Sigmoid(step.zGates, step.gates));
            Nd4j.exec(new MulOp(step.i, step.g, step.c));
            if (previous != null) {
                Nd4j.exec(new MulOp(step.f, previous.c, dir.scratch));
                step.c.addi(dir.scratch);
            }
            Nd4j.exec(new Tanh(step.c, step.cellTanh));
            Nd4j.exec(new MulOp(step.o, step.cellTanh, step.h));
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
        for (Direction dir : b.directions) {
            dir.gradOutputs.assign(epsilon.get(NDArrayIndex.all(),
                    NDArrayIndex.interval((long) dir.index * b.units, (long) (dir.index + 1) * b.units),
                    NDArrayIndex.all()).permute(2, 1, 0));
        }
        DirectionThreads.run(() -> backward(b, b.directions[0]), () -> backward(b, b.directions[1]));
        Gradient gradient = new DefaultGradient();
        for (Direction dir : b.directions) {
            for (String part : new String[]{INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS}) {
                String key = DIRECTIONS[dir.index] + part;
                gradient.setGradientFor(key, gradientViews.get(key));
            }
        }
        b.directions[0].gradInputs.addi(b.directions[1].gradInputs);
        INDArray epsilonOut = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        epsilonOut.assign(b.directions[0].gradInputs.reshape(b.steps, b.batch, input.size(1)).permute(1, 2, 0));
        forwardInput = null;
        return new Pair<>(gradient, epsilonOut);
    }

    /** Gradients of one direction's parameters into the gradient views, and its input gradient into {@code gradInputs}. */
    private void backward(Buffers b, Direction dir) {
        // Activation derivatives, all steps at once: 1 - g^2, a (1 - a) for the gates, 1 - tanh(c)^2.
        Nd4j.exec(new MulOp(dir.blockInputs, dir.blockInputs, dir.blockInputDerivatives));
        dir.blockInputDerivatives.rsubi(1);
        Nd4j.exec(new MulOp(dir.gateValues, dir.gateValues.rsub(1), dir.gateDerivatives));
        Nd4j.exec(new MulOp(dir.cellTanhs, dir.cellTanhs, dir.cellTanhDerivatives));
        dir.cellTanhDerivatives.rsubi(1);

        INDArray recurrent = getParam(DIRECTIONS[dir.index] + RECURRENT_WEIGHTS);
        for (int s = b.steps - 1; s >= 0; s--) {
            int t = dir.time(s);
            Step step = dir.steps[t];
            Step previous = s == 0 ? null : dir.steps[dir.time(s - 1)];
            boolean later = s < b.steps - 1;
            INDArray gradH = step.gradH;
            if (later) {
                gradH.addi(dir.gradHidden);
            }
            Nd4j.exec(new MulOp(gradH, step.o, dir.gradCell));
            dir.gradCell.muli(step.cellTanhDerivative);
            if (later) {
                dir.gradCell.addi(dir.gradCellNext);
            }
            Nd4j.exec(new MulOp(dir.gradCell, step.i, step.gradG));
            if (previous != null) {
                Nd4j.exec(new MulOp(dir.gradCell, previous.c, step.gradF));
            } else {
                step.gradF.assign(0);
            }
            Nd4j.exec(new MulOp(gradH, step.cellTanh, step.gradO));
            Nd4j.exec(new MulOp(dir.gradCell, step.g, step.gradI));
            step.gradG.muli(step.blockInputDerivative);
            step.gradGates.muli(step.gateDerivative);
            if (previous != null) {
                // The cell and output gradients carried to the previous step: dc f, and RW dz^T.
                Nd4j.exec(new MulOp(dir.gradCell, step.f, dir.gradCellNext));
                Nd4j.gemm(recurrent, step.gradZ, dir.gradHidden, false, false, 1.0, 0.0);
            }
        }

        String key = DIRECTIONS[dir.index];
        INDArray gradZ = dir.projection;   // free after the forward pass: [T*B, 4H], time-major, not transposed
        gradZ.reshape(b.steps, b.batch, 4L * b.units).assign(dir.gradPreActivations.permute(0, 2, 1));
        Nd4j.gemm(b.inputs, gradZ, gradientViews.get(key + INPUT_WEIGHTS), true, false, 1.0, 0.0);
        INDArray gradRecurrent = gradientViews.get(key + RECURRENT_WEIGHTS);
        long rows = (long) (b.steps - 1) * b.batch;
        if (rows > 0) {
            // Each step's dz times the output of the step before it in the direction's order.
            INDArray outputs = dir.scratchOutputs;
            outputs.reshape(b.steps, b.batch, b.units).assign(dir.outputs.permute(0, 2, 1));
            boolean forwards = dir.index == 0;
            Nd4j.gemm(outputs.get(NDArrayIndex.interval(forwards ? 0 : b.batch, forwards ? rows : b.batch + rows), NDArrayIndex.all()),
                    gradZ.get(NDArrayIndex.interval(forwards ? b.batch : 0, forwards ? b.batch + rows : rows), NDArrayIndex.all()),
                    gradRecurrent, true, false, 1.0, 0.0);
        } else {
            gradRecurrent.assign(0);
        }
        INDArray gradBias = gradientViews.get(key + BIAS);
        gradBias.assign(gradZ.sum(0).reshape(gradBias.shape()));
        Nd4j.gemm(gradZ, getParam(key + INPUT_WEIGHTS), dir.gradInputs, false, true, 1.0, 0.0);
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

    /** Work arrays for one batch shape. */
    private static final class Buffers {
        final int batch;
        final int steps;
        final int units;
        final INDArray inputs;  // [T*B, nIn], time-major
        final Direction[] directions;

        Buffers(int batch, int steps, int inputs, int units, DataType type) {
            this.batch = batch;
            this.steps = steps;
            this.units = units;
            this.inputs = Nd4j.create(type, (long) steps * batch, inputs);
            this.directions = new Direction[]{new Direction(0, this, inputs, type), new Direction(1, this, inputs, type)};
        }
    }

    /** One direction's arrays over all steps, time-major and transposed ({@code [T, rows, B]}), with views per step. */
    private static final class Direction {
        final int index;
        final int stepCount;
        final INDArray projection;          // [T*B, 4H]: x W + b; later dz in the same layout
        final INDArray preActivations;      // [T, 4H, B]
        final INDArray blockInputs;         // [T, H, B]: g
        final INDArray gateValues;          // [T, 3H, B]: f, o, i
        final INDArray cells;               // [T, H, B]
        final INDArray cellTanhs;           // [T, H, B]
        final INDArray outputs;             // [T, H, B]
        final INDArray blockInputDerivatives;  // [T, H, B]
        final INDArray gateDerivatives;     // [T, 3H, B]
        final INDArray cellTanhDerivatives; // [T, H, B]
        final INDArray gradOutputs;         // [T, H, B]: dLoss/dh, then with the recurrent part added
        final INDArray gradPreActivations;  // [T, 4H, B]: dz
        final INDArray scratchOutputs;      // [T*B, H]
        final INDArray gradInputs;          // [T*B, nIn]
        final INDArray scratch;             // [H, B]
        final INDArray gradHidden;          // [H, B]
        final INDArray gradCell;            // [H, B]
        final INDArray gradCellNext;        // [H, B]
        final Step[] steps;

        Direction(int index, Buffers b, int inputs, DataType type) {
            this.index = index;
            this.stepCount = b.steps;
            long h = b.units;
            projection = Nd4j.create(type, (long) b.steps * b.batch, 4 * h);
            preActivations = Nd4j.create(type, b.steps, 4 * h, b.batch);
            blockInputs = Nd4j.create(type, b.steps, h, b.batch);
            gateValues = Nd4j.create(type, b.steps, 3 * h, b.batch);
            cells = Nd4j.create(type, b.steps, h, b.batch);
            cellTanhs = Nd4j.create(type, b.steps, h, b.batch);
            outputs = Nd4j.create(type, b.steps, h, b.batch);
            blockInputDerivatives = Nd4j.create(type, b.steps, h, b.batch);
            gateDerivatives = Nd4j.create(type, b.steps, 3 * h, b.batch);
            cellTanhDerivatives = Nd4j.create(type, b.steps, h, b.batch);
            gradOutputs = Nd4j.create(type, b.steps, h, b.batch);
            gradPreActivations = Nd4j.create(type, b.steps, 4 * h, b.batch);
            scratchOutputs = Nd4j.create(type, (long) b.steps * b.batch, h);
            gradInputs = Nd4j.create(type, (long) b.steps * b.batch, inputs);
            scratch = Nd4j.create(type, h, b.batch);
            gradHidden = Nd4j.create(type, h, b.batch);
            gradCell = Nd4j.create(type, h, b.batch);
            gradCellNext = Nd4j.create(type, h, b.batch);
            steps = new Step[b.steps];
            for (int t = 0; t < b.steps; t++) {
                steps[t] = new Step(this, t, (int) h);
            }
        }

        /** The time index of the direction's s-th step. */
        int time(int s) {
            return index == 0 ? s : stepCount - 1 - s;
        }
    }

    /** Contiguous views of one step of one direction. */
    private static final class Step {
        final INDArray z;
        final INDArray zBlockInput;
        final INDArray zGates;
        final INDArray g;
        final INDArray gates;
        final INDArray f;
        final INDArray o;
        final INDArray i;
        final INDArray c;
        final INDArray cellTanh;
        final INDArray h;
        final INDArray blockInputDerivative;
        final INDArray gateDerivative;
        final INDArray cellTanhDerivative;
        final INDArray gradH;
        final INDArray gradZ;
        final INDArray gradG;
        final INDArray gradGates;
        final INDArray gradF;
        final INDArray gradO;
        final INDArray gradI;

        Step(Direction dir, int t, int units) {
            z = slice(dir.preActivations, t);
            zBlockInput = rows(z, 0, units);
            zGates = rows(z, units, 4 * units);
            g = slice(dir.blockInputs, t);
            gates = slice(dir.gateValues, t);
            f = rows(gates, 0, units);
            o = rows(gates, units, 2 * units);
            i = rows(gates, 2 * units, 3 * units);
            c = slice(dir.cells, t);
            cellTanh = slice(dir.cellTanhs, t);
            h = slice(dir.outputs, t);
            blockInputDerivative = slice(dir.blockInputDerivatives, t);
            gateDerivative = slice(dir.gateDerivatives, t);
            cellTanhDerivative = slice(dir.cellTanhDerivatives, t);
            gradH = slice(dir.gradOutputs, t);
            gradZ = slice(dir.gradPreActivations, t);
            gradG = rows(gradZ, 0, units);
            gradGates = rows(gradZ, units, 4 * units);
            gradF = rows(gradZ, units, 2 * units);
            gradO = rows(gradZ, 2 * units, 3 * units);
            gradI = rows(gradZ, 3 * units, 4 * units);
        }

        /** {@code array[t]} of a whole {@code [T, rows, B]} array (a point index into a view misbehaves in ND4J M2.1). */
        private static INDArray slice(INDArray array, int t) {
            return array.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
        }

        private static INDArray rows(INDArray matrix, int from, int to) {
            return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }
    }
}
