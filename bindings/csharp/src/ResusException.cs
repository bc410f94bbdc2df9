// What every failed call of the binding throws: the library's status and its message (which
// names the field, the value and the valid range).
using System;

namespace Resus
{
    public sealed class ResusException : Exception
    {
        public ResusStatus Status { get; }

        // The library's own message, without the call and status prefixed to Message.
        public string Detail { get; }

        public ResusException(ResusStatus status, string call, string detail)
            : base(call + ": " + StatusText(status) + (string.IsNullOrEmpty(detail) ? "" : ": " + detail))
        {
            Status = status;
            Detail = detail ?? string.Empty;
        }

        private static string StatusText(ResusStatus status)
        {
            return Utf8.Decode(NativeMethods.resus_status_string(status));
        }
    }
}
