using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// The music folder: every .wav/.mp3/.flac/.ogg/.m4a in it and in its immediate subfolders, sorted by id
/// (the relative path). Duration, title and artist come from
/// <c>ffprobe -v error -show_entries format=duration:format_tags -of json</c>, run two at a time with a
/// timeout each; anything ffprobe cannot tell is left null and the title falls back to the file name.
/// <see cref="ScanAsync"/> rescans on demand and probes only files that are new, changed (size or
/// modification time) or not yet probed successfully. A missing folder is an empty library with a <see cref="Message"/>, never an exception.
/// </summary>
public sealed class MusicLibrary
{
    /// <summary>The executable used when none is given (found on PATH).</summary>
    public const string DefaultProbeExecutable = "ffprobe";

    /// <summary>How long one ffprobe may take.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(5);

    private const int ProbeParallelism = 2;

    private readonly string _ffprobePath;
    private readonly TimeSpan _probeTimeout;
    private readonly Lock _gate = new();
    private Task _lastScan = Task.CompletedTask;
    private Dictionary<string, (long Length, DateTime Modified, MusicTrack Track)> _known = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<MusicTrack> _tracks = [];
    private volatile string? _message;

    /// <summary>A library of <paramref name="folder"/>; empty until <see cref="ScanAsync"/>.</summary>
    public MusicLibrary(string folder, string? ffprobePath = null, TimeSpan? probeTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = folder;
        _ffprobePath = ffprobePath ?? DefaultProbeExecutable;
        _probeTimeout = probeTimeout ?? DefaultProbeTimeout;
    }

    /// <summary>The music folder.</summary>
    public string Folder { get; }

    /// <summary>The tracks found by the last scan (a snapshot; safe from any thread).</summary>
    public IReadOnlyList<MusicTrack> Tracks => _tracks;

    /// <summary>What the last scan wants the operator to know (missing folder, no ffprobe, …); null when all is well.</summary>
    public string? Message => _message;

    /// <summary>The track with <paramref name="id"/>, or null.</summary>
    public MusicTrack? Find(string id) => _tracks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>Rescans the folder (one scan at a time) and returns the new list, which <see cref="Tracks"/> then shows.</summary>
    public Task<IReadOnlyList<MusicTrack>> ScanAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var scan = ScanAfterAsync(_lastScan, cancellationToken);
            _lastScan = scan;
            return scan;
        }
    }

    private async Task<IReadOnlyList<MusicTrack>> ScanAfterAsync(Task previous, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The earlier scan's caller saw its failure; this scan starts afresh.
        }

        if (!Directory.Exists(Folder))
        {
            _message = $"Music folder '{Folder}' does not exist.";
            _known = new(StringComparer.Ordinal);
            return _tracks = [];
        }

        var root = Path.GetFullPath(Folder);
        List<FileInfo> files;
        try
        {
            // Unreadable subfolders are skipped rather than failing the whole scan.
            var options = new EnumerationOptions { IgnoreInaccessible = true };
            files = Directory.EnumerateFiles(root, "*", options)
                .Concat(Directory.EnumerateDirectories(root, "*", options).SelectMany(d => Directory.EnumerateFiles(d, "*", options)))
                .Where(MediaFormats.IsSupported)
                .Select(path => new FileInfo(path))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _message = $"Music folder '{Folder}' could not be read: {e.Message}";
            return _tracks;
        }

        var known = _known;
        var next = new Dictionary<string, (long Length, DateTime Modified, MusicTrack Track)>(StringComparer.Ordinal);
        var probeFailed = 0;
        var probeMissing = 0;
        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = ProbeParallelism, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                var id = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (!file.Exists)
                {
                    return; // removed since the listing
                }

                var modified = file.LastWriteTimeUtc;
                if (!known.TryGetValue(id, out var entry) || entry.Length != file.Length || entry.Modified != modified || entry.Track.Duration is null)
                {
                    var (track, missing) = await ProbeAsync(id, file.FullName, token);
                    if (missing)
                    {
                        Interlocked.Exchange(ref probeMissing, 1);
                    }

                    if (track.Duration is null)
                    {
                        Interlocked.Increment(ref probeFailed);
                    }

                    entry = (file.Length, modified, track);
                }

                lock (next)
                {
                    next[id] = entry;
                }
            });

        _known = next;
        _message = probeMissing != 0
            ? $"ffprobe was not found ('{_ffprobePath}'): durations and tags are unknown."
            : probeFailed > 0 ? $"{probeFailed} file(s) could not be probed; their durations are unknown." : null;
        return _tracks = next.Values.Select(v => v.Track).OrderBy(t => t.Id, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private async Task<(MusicTrack Track, bool ProbeMissing)> ProbeAsync(string id, string path, CancellationToken cancellationToken)
    {
        var fallback = new MusicTrack(id, Path.GetFileNameWithoutExtension(path), path, null);
        var info = new ProcessStartInfo(_ffprobePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in (string[])["-v", "error", "-show_entries", "format=duration:format_tags", "-of", "json", "file:" + path])
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception("ffprobe did not start.");
        }
        catch (Win32Exception)
        {
            return (fallback, true);
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_probeTimeout);
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                var json = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                await stderr;
                return (process.ExitCode == 0 ? Parse(fallback, json) : fallback, false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (fallback, false); // timed out
            }
            finally
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
            }
        }
    }

    private static MusicTrack Parse(MusicTrack fallback, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("format", out var format))
            {
                return fallback;
            }

            TimeSpan? duration = format.TryGetProperty("duration", out var d)
                && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
            string? title = null;
            string? artist = null;
            if (format.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object)
            {
                foreach (var tag in tags.EnumerateObject())
                {
                    if (tag.Name.Equals("title", StringComparison.OrdinalIgnoreCase))
                    {
                        title = tag.Value.GetString();
                    }
                    else if (tag.Name.Equals("artist", StringComparison.OrdinalIgnoreCase))
                    {
                        artist = tag.Value.GetString();
                    }
                }
            }

            return fallback with
            {
                Title = string.IsNullOrWhiteSpace(title) ? fallback.Title : title.Trim(),
                Duration = duration,
                Artist = string.IsNullOrWhiteSpace(artist) ? null : artist.Trim(),
            };
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
