// Decodes the library's `const char*` returns. The header promises UTF-8 (ASCII in practice)
// that lives as long as the library; Marshal.PtrToStringUTF8 is missing from .NET Framework
// and Unity's .NET Standard 2.0 profile, hence this loop.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Resus
{
    public static class Utf8
    {
        // The string at `text`, or null for a NULL pointer. Allocates: keep it off the frame path
        // (the binding caches the names it hands out per frame, e.g. EnumNames).
        public static string Decode(IntPtr text)
        {
            if (text == IntPtr.Zero) return null;
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0) ++length;
            if (length == 0) return string.Empty;
            var bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
