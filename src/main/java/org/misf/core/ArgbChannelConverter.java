package org.misf.core;

import net.imglib2.Sampler;
import net.imglib2.converter.readwrite.SamplerConverter;
import net.imglib2.img.basictypeaccess.ByteAccess;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A writable 8-bit view of one channel of packed ARGB pixels (0 = alpha, 1 = red, 2 = green, 3 = blue)
 * that leaves the other channels as they are. (ImgLib2's own {@code Converters.argbChannel} sign-extends
 * values of 128 and more when writing, which overwrites the other channels.)
 */
final class ArgbChannelConverter implements SamplerConverter<ARGBType, UnsignedByteType> {

	private final int shift;

	ArgbChannelConverter(final int channel) {
		shift = 8 * (3 - channel);
	}

	@Override
	public UnsignedByteType convert(final Sampler<? extends ARGBType> sampler) {
		return new UnsignedByteType(new ByteAccess() {

			@Override
			public byte getValue(final int index) {
				return (byte) (sampler.get().get() >> shift);
			}

			@Override
			public void setValue(final int index, final byte value) {
				final ARGBType t = sampler.get();
				t.set(t.get() & ~(0xff << shift) | (value & 0xff) << shift);
			}
		});
	}
}
