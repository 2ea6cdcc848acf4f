package io.crosspatch.bench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size on bench's command lines, written as people write large sizes: {@code 100000}, {@code 100_000} or
 * {@code 100,000}.
 */
public final class WholeNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
