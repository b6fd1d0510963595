using System.Net;
using System.Net.Sockets;

namespace PgGuard.Analyzers.ConnectionStrings
{
    /// <summary>Strict IP literal parsing and the ranges that decide "local" and "public".</summary>
    public static class IpAddresses
    {
        /// <summary>Dotted-quad only: IPAddress.TryParse would also read "1" or "0x7f.1" as addresses.</summary>
        public static bool TryParseIPv4(string text, out byte[] bytes)
        {
            bytes = new byte[4];
            var part = 0;
            var digits = 0;
            var acc = 0;
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    acc = (acc * 10) + (c - '0');
                    if (++digits > 3 || acc > 255)
                    {
                        return false;
                    }
                }
                else if (c == '.' && digits > 0 && part < 3)
                {
                    bytes[part++] = (byte)acc;
                    acc = 0;
                    digits = 0;
                }
                else
                {
                    return false;
                }
            }

            if (part != 3 || digits == 0)
            {
                return false;
            }

            bytes[3] = (byte)acc;
            return true;
        }

        public static bool TryParseIPv6(string text, out byte[] bytes)
        {
            bytes = System.Array.Empty<byte>();
            if (text.IndexOf(':') < 0 || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            bytes = address.GetAddressBytes();
            return true;
        }

        public static bool IsLoopback(string host)
        {
            if (TryParseIPv4(host, out var v4))
            {
                return v4[0] == 127;
            }

            return TryParseIPv6(host, out var v6) && IPAddress.IPv6Loopback.Equals(new IPAddress(v6));
        }

        /// <summary>
        /// A literal address routable on the internet: not private, loopback, link-local, CGNAT, multicast, reserved,
        /// unspecified, or a documentation range (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32), which never
        /// reach a real server.
        /// </summary>
        public static bool IsPublic(string host)
        {
            if (TryParseIPv4(host, out var b))
            {
                return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 ||
                         (b[0] == 100 && b[1] >= 64 && b[1] <= 127) ||
                         (b[0] == 169 && b[1] == 254) ||
                         (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||
                         (b[0] == 192 && b[1] == 168) ||
                         (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2)) ||
                         (b[0] == 198 && (b[1] == 18 || b[1] == 19)) ||
                         (b[0] == 198 && b[1] == 51 && b[2] == 100) ||
                         (b[0] == 203 && b[1] == 0 && b[2] == 113));
            }

            if (TryParseIPv6(host, out var v6))
            {
                // Global unicast is 2000::/3; everything else (ULA fc00::/7, link-local fe80::/10, ::1, ::, multicast) is not public.
                if ((v6[0] & 0xE0) != 0x20)
                {
                    return false;
                }

                return !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8);
            }

            return false;
        }
    }
}
