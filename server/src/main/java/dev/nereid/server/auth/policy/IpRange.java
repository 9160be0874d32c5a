package dev.nereid.server.auth.policy;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 range as {@code IpAddress} conditions write it: CIDR ({@code 203.0.113.0/24},
 * {@code 2001:db8::/32}) or one address, which is its own range. Bits of the address past the prefix are
 * ignored, as IAM ignores them. An IPv4 address in IPv6 form ({@code ::ffff:203.0.113.5}) is the IPv4 one.
 *
 * @param network 4 or 16 bytes
 */
public record IpRange(byte[] network, int prefixBits) {
    public IpRange {
        network = network.clone();
    }

    /** Empty unless the text is an address literal (never a host name: nothing is looked up) or CIDR range. */
    public static Optional<IpRange> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String prefix = text.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(prefix) > bits) {
                return Optional.empty();
            }
            bits = Integer.parseInt(prefix);
        }
        // The mapped IPv4 space is the last 32 bits of ::ffff:0:0/96; a wider range stays an IPv6 one.
        if (mappedIpv4(bytes) && bits >= 96) {
            return Optional.of(new IpRange(Arrays.copyOfRange(bytes, 12, 16), bits - 96));
        }
        return Optional.of(new IpRange(bytes, bits));
    }

    /** Whether every address of the other range is in this one; an address of the other family never is. */
    public boolean contains(IpRange other) {
        if (other.network.length != network.length || other.prefixBits < prefixBits) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (network[i] != other.network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[whole] & mask) == (other.network[whole] & mask);
    }

    private static boolean mappedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && prefixBits == r.prefixBits && Arrays.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixBits;
    }

    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefixBits;
    }
}
