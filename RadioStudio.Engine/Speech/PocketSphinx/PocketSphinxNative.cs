using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Speech.PocketSphinx;

/// <summary>
/// The few pocketsphinx 5prealpha entry points the decoder needs (Debian's libpocketsphinx3). The variadic
/// <c>cmd_ln_init</c> is avoided: the configuration is parsed from an argv array with <c>cmd_ln_parse_r</c>.
/// </summary>
internal static unsafe partial class PocketSphinxNative
{
    public const string PocketSphinxLibrary = "libpocketsphinx.so.3";
    public const string SphinxBaseLibrary = "libsphinxbase.so.3";

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_args();

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_init(IntPtr config);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_start_utt(IntPtr ps);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_process_raw(IntPtr ps, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_end_utt(IntPtr ps);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_hyp(IntPtr ps, out int bestScore);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_free(IntPtr ps);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial IntPtr cmd_ln_parse_r(IntPtr inout, IntPtr definitions, int argc, IntPtr* argv, int strict);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int cmd_ln_free_r(IntPtr config);
}
