using System.Runtime.InteropServices;

namespace RadioStudio.Engine.NativeEngines;

/// <summary>
/// Whether the native engines the studio can use are installed: executables found on PATH (or at a rooted path),
/// shared libraries the loader can open, model folders present. Paths and PATH are injectable for tests.
/// </summary>
public sealed class NativeEngineProbe(string? pathVariable = null, Func<string, bool>? canLoadLibrary = null)
{
    private readonly string _path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "";
    private readonly Func<string, bool> _canLoad = canLoadLibrary ?? CanLoad;

    /// <summary>The machine as it is.</summary>
    public static NativeEngineProbe Current { get; } = new();

    /// <summary>Whether <paramref name="executable"/> (a name looked up on PATH, or a rooted path) exists.</summary>
    public bool HasExecutable(string executable)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        return Path.IsPathRooted(executable)
            ? File.Exists(executable)
            : _path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, executable)));
    }

    /// <summary>Whether the loader can open the shared library <paramref name="library"/>.</summary>
    public bool HasLibrary(string library) => _canLoad(library);

    private static bool CanLoad(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
