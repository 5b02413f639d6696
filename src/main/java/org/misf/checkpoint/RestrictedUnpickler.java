package org.misf.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles the {@code data.pkl} of a PyTorch zip checkpoint, safe by construction, in the spirit of
 * PyTorch's {@code weights_only=True}.
 * <p>
 * The only names a pickle can refer to ({@code GLOBAL}, {@code STACK_GLOBAL}) are
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2},
 * {@code torch._utils._rebuild_parameter[_with_state]} and the {@code torch.*Storage} types; each is
 * resolved to a small Java constructor of this class, never to the library's registry or reflection.
 * Any other name (e.g. {@code os.system}, {@code builtins.eval}) is refused as soon as its opcode is read,
 * before the {@code REDUCE} that would call it; {@code INST}, {@code OBJ}, extension codes and out-of-band
 * buffers are refused, and {@code BUILD} is only accepted on an ordered dict (whose state, the state dict's
 * {@code _metadata}, is ignored). Tensors come out as {@link StoredTensor}s: shape and stride checked,
 * no data read.
 */
final class RestrictedUnpickler extends Unpickler {

	/** At most this many dimensions, and elements per tensor. */
	static final int MAX_DIMS = 8;
	static final long MAX_ELEMENTS = 1L << 27;

	private static final int MAX_NAME_BYTES = 256;

	private final Map<String, StorageRef> storages = new HashMap<>();

	/** Unpickles {@code pickle}; returns plain Java maps, lists, numbers, strings and {@link StoredTensor}s. */
	Object unpickle(final byte[] pickle) {
		try {
			return load(new ByteArrayInputStream(pickle));
		}
		catch (final CheckpointException e) {
			throw e;
		}
		catch (final IOException | PickleException | ClassCastException | IndexOutOfBoundsException
			| ArithmeticException | NullPointerException e)
		{
			throw new CheckpointException("The checkpoint's data.pkl is damaged or not a tensor checkpoint (" +
				e.getMessage() + ").", e);
		}
		catch (final StackOverflowError | OutOfMemoryError e) {
			throw new CheckpointException("The checkpoint's data.pkl nests or declares more than any checkpoint does (" +
				e.getClass().getSimpleName() + "): it is damaged or crafted, and was not read.");
		}
	}

	/**
	 * Refuses a string, bytes or long whose declared length exceeds what is left of the pickle, before the
	 * library allocates it: a few hundred bytes must not ask for gigabytes.
	 */
	private void checkDeclaredLength(final short key) throws IOException {
		final int width;
		switch (key) {
			case Opcodes.BINUNICODE:
			case Opcodes.BINBYTES:
			case Opcodes.LONG4:
			case 'T': // BINSTRING
				width = 4;
				break;
			case Opcodes.BINUNICODE8:
			case Opcodes.BYTEARRAY8:
			case 0x8e: // BINBYTES8
				width = 8;
				break;
			default:
				return;
		}
		input.mark(width);
		long length = 0;
		for (int i = 0; i < width; i++) {
			final int b = input.read();
			if (b < 0) break;
			length |= (long) b << (8 * i);
		}
		input.reset();
		final long left = input.available() - (long) width;
		if (length < 0 || length > left) throw new CheckpointException("The checkpoint's data.pkl declares " + length +
			" bytes of data where only " + Math.max(0, left) + " remain: it is damaged or crafted, and was not read.");
	}

	/** The storages the pickle declared, by key. */
	Map<String, StorageRef> storages() {
		return storages;
	}

	@Override
	protected Object dispatch(final short key) throws PickleException, IOException {
		checkDeclaredLength(key);
		switch (key) {
			case Opcodes.GLOBAL:
				stack.add(resolve(readLine(input), readLine(input)));
				return NO_RETURN_VALUE;
			case Opcodes.STACK_GLOBAL: {
				final Object name = stack.pop();
				final Object module = stack.pop();
				if (!(module instanceof String) || !(name instanceof String))
					throw new CheckpointException("The checkpoint's pickle names a global by a non-string; refusing it.");
				stack.add(resolve((String) module, (String) name));
				return NO_RETURN_VALUE;
			}
			case Opcodes.BUILD:
				build();
				return NO_RETURN_VALUE;
			case Opcodes.SETITEMS:
				setItemsInOrder();
				return NO_RETURN_VALUE;
			case Opcodes.INST:
			case Opcodes.OBJ:
			case Opcodes.EXT1:
			case Opcodes.EXT2:
			case Opcodes.EXT4:
			case Opcodes.NEXT_BUFFER:
			case Opcodes.READONLY_BUFFER:
				throw new CheckpointException("The checkpoint's pickle uses opcode 0x" + Integer.toHexString(key) +
					", which a tensor checkpoint never needs; refusing it.");
			default:
				return super.dispatch(key);
		}
	}

	@Override
	protected Object persistentLoad(final Object pid) {
		if (!(pid instanceof Object[]))
			throw new CheckpointException("The checkpoint refers to an external object that is not a storage; refusing it.");
		final Object[] t = (Object[]) pid;
		if (t.length != 5 || !"storage".equals(t[0]) || !(t[1] instanceof StorageType) || !(t[2] instanceof String) ||
			!(t[4] instanceof Number))
			throw new CheckpointException("The checkpoint refers to an external object that is not a storage; refusing it.");
		final String storageKey = (String) t[2];
		if (!storageKey.matches("[A-Za-z0-9_]{1,64}"))
			throw new CheckpointException("The checkpoint names a storage '" + storageKey + "', which is not a plain name.");
		final long elements = ((Number) t[4]).longValue();
		if (elements < 0 || elements > MAX_ELEMENTS)
			throw new CheckpointException("The checkpoint declares a storage of " + elements + " elements, which is absurd.");
		final StorageRef ref = new StorageRef(storageKey, (StorageType) t[1], elements);
		final StorageRef known = storages.putIfAbsent(storageKey, ref);
		if (known != null && (known.type != ref.type || known.elements != ref.elements))
			throw new CheckpointException("The checkpoint declares storage " + storageKey + " twice, differently.");
		return known != null ? known : ref;
	}

	private static Object resolve(final String module, final String name) {
		final String qualified = module + "." + name;
		switch (qualified) {
			case "collections.OrderedDict":
				return (IObjectConstructor) args -> new PickledOrderedDict();
			case "torch._utils._rebuild_tensor_v2":
				return (IObjectConstructor) RestrictedUnpickler::rebuildTensor;
			case "torch._utils._rebuild_parameter":
			case "torch._utils._rebuild_parameter_with_state":
				return (IObjectConstructor) RestrictedUnpickler::rebuildParameter;
			default:
				if ("torch".equals(module)) {
					final StorageType type = StorageType.forClassName(name);
					if (type != null) return type;
				}
				throw new CheckpointException("The checkpoint refers to " + qualified +
					", which a tensor checkpoint never needs; refusing it (the file may be malicious).");
		}
	}

	/** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
	private static Object rebuildTensor(final Object[] args) {
		if (args.length < 6 || !(args[0] instanceof StorageRef) || !(args[1] instanceof Number) ||
			!(args[2] instanceof Object[]) || !(args[3] instanceof Object[]))
			throw new CheckpointException("The checkpoint describes a tensor in a way this reader does not know.");
		requireNoHooks(args[5]);
		final StorageRef storage = (StorageRef) args[0];
		final long offset = ((Number) args[1]).longValue();
		final long[] shape = longs((Object[]) args[2]);
		final long[] stride = longs((Object[]) args[3]);
		if (shape.length > MAX_DIMS || stride.length != shape.length)
			throw new CheckpointException("The checkpoint holds a tensor with an absurd shape " +
				StoredTensor.shapeText(shape) + ".");
		long elements = 1;
		long lastIndex = offset;
		try {
			for (int d = 0; d < shape.length; d++) {
				if (shape[d] < 0 || stride[d] < 0) throw new ArithmeticException("negative");
				elements = Math.multiplyExact(elements, shape[d]);
				if (shape[d] > 0) lastIndex = Math.addExact(lastIndex, Math.multiplyExact(shape[d] - 1, stride[d]));
			}
		}
		catch (final ArithmeticException e) {
			throw new CheckpointException("The checkpoint holds a tensor with an absurd shape " +
				StoredTensor.shapeText(shape) + ".");
		}
		if (elements > MAX_ELEMENTS)
			throw new CheckpointException("The checkpoint holds a tensor of shape " + StoredTensor.shapeText(shape) +
				" (" + elements + " elements), which is absurd for MISF.");
		if (offset < 0 || elements > 0 && lastIndex >= storage.elements)
			throw new CheckpointException("The checkpoint holds a tensor that reaches beyond its storage (damaged file).");
		return new StoredTensor(storage, offset, shape, stride, elements);
	}

	/** {@code _rebuild_parameter(data, requires_grad, backward_hooks[, state])}: the data tensor itself. */
	private static Object rebuildParameter(final Object[] args) {
		if (args.length < 3 || !(args[0] instanceof StoredTensor))
			throw new CheckpointException("The checkpoint describes a parameter in a way this reader does not know.");
		requireNoHooks(args[2]);
		return args[0];
	}

	private static void requireNoHooks(final Object hooks) {
		if (!(hooks instanceof Map) || !((Map<?, ?>) hooks).isEmpty())
			throw new CheckpointException("The checkpoint attaches hooks to a tensor; refusing it.");
	}

	private static long[] longs(final Object[] values) {
		final long[] out = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			if (!(values[i] instanceof Number))
				throw new CheckpointException("The checkpoint describes a tensor shape with a non-number.");
			out[i] = ((Number) values[i]).longValue();
		}
		return out;
	}

	/** BUILD: only on an ordered dict, whose state (the state dict's {@code _metadata}) is dropped. */
	private void build() {
		final Object state = stack.pop();
		final Object target = stack.peek();
		if (!(target instanceof PickledOrderedDict) || !(state instanceof Map || state == null))
			throw new CheckpointException("The checkpoint sets the state of an object that is not an ordered dict; refusing it.");
	}

	/** SETITEMS keeping the pickle's order (the library's version goes through a HashMap). */
	@SuppressWarnings("unchecked")
	private void setItemsInOrder() {
		final List<Object> items = stack.pop_all_since_marker();
		final Object target = stack.peek();
		if (!(target instanceof Map) || items.size() % 2 != 0)
			throw new CheckpointException("The checkpoint's pickle sets items of something that is not a dict (damaged file).");
		for (int i = 0; i < items.size(); i += 2)
			((Map<Object, Object>) target).put(items.get(i), items.get(i + 1));
	}

	private static String readLine(final InputStream in) throws IOException {
		final byte[] buf = new byte[MAX_NAME_BYTES];
		for (int n = 0; n < buf.length; n++) {
			final int b = in.read();
			if (b < 0) throw new IOException("premature end of the pickle");
			if (b == '\n') return new String(Arrays.copyOf(buf, n), StandardCharsets.UTF_8);
			buf[n] = (byte) b;
		}
		throw new CheckpointException("The checkpoint's pickle holds an over-long name; refusing it.");
	}

	/** What {@code collections.OrderedDict} unpickles to: an insertion-ordered map. */
	static final class PickledOrderedDict extends LinkedHashMap<Object, Object> {

		private static final long serialVersionUID = 1L;
	}

	/** The tensors of a map, in order; null if some value is not a tensor. */
	static Map<String, StoredTensor> tensorsOf(final Map<?, ?> map) {
		final Map<String, StoredTensor> out = new LinkedHashMap<>();
		for (final Map.Entry<?, ?> e : map.entrySet()) {
			if (!(e.getKey() instanceof String) || !(e.getValue() instanceof StoredTensor)) return null;
			out.put((String) e.getKey(), (StoredTensor) e.getValue());
		}
		return out;
	}
}
