using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Routing;


namespace RadioStudio.Engine.Audio.Recording;

/// <summary>One take's state on the writer thread, and the manifest written beside its files.</summary>
public sealed partial class StemRecorder
{
    private sealed class Session(string folder, DateTimeOffset startedUtc)
    {
        public string Folder { get; } = folder;

        public DateTimeOffset StartedUtc { get; } = startedUtc;

        public TaskCompletionSource<StemTake> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? Timer { get; set; }

        public Thread? Thread { get; set; }

        public volatile bool StopRequested;

        public volatile bool FlushRequested;

        public bool Begun { get; set; }

        public ImmutableArray<BusId> Layout { get; set; } = [];

        public WavWriter?[] Writers { get; set; } = [];

        public long First { get; set; } = -1;

        public long Next { get; set; }

        public long Flushed { get; set; }
    }

    private sealed record StemManifest(
        int Version,
        DateTimeOffset StartedUtc,
        int SampleRate,
        string SampleFormat,
        long StartedBlockIndex,
        long Blocks,
        long Samples,
        long Dropped,
        ImmutableArray<StemManifestFile> Files,
        string? Error);

    private sealed record StemManifestFile(string Bus, string File);
}
