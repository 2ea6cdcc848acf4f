package io.crosspatch.simulator.ssm;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Resource ids in SSM's formats: {@code mi-}/{@code mw-}/{@code pb-} plus 17 hex digits, UUIDs, activation codes. */
final class Ids {

    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** {@code prefix} + 17 lowercase hex digits, e.g. {@code mi-0a1b2c3d4e5f60718}. */
    static String hex17(String prefix) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes).substring(0, 17);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** 20 characters of the base64 alphabet, like the codes CreateActivation returns. */
    static String activationCode() {
        StringBuilder code = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
