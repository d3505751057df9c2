namespace RadioStudio.Engine.Audio.Recording;

/// <summary>A snapshot of the <see cref="StemRecorder"/> for the UI and logs.</summary>
/// <param name="State">Idle, recording or failed.</param>
/// <param name="Folder">The take's folder, or null when no take has started.</param>
/// <param name="BlocksWritten">20 ms blocks in every file of the take as of the last flush (about once a second; silence for drops included).</param>
/// <param name="Dropped">Blocks the audio thread could not queue (disk too slow, or a changed bus layout); they are written as silence.</param>
/// <param name="Message">Why a take failed, or null.</param>
public sealed record StemRecorderStatus(StemRecorderState State, string? Folder, long BlocksWritten, long Dropped, string? Message)
{
    /// <summary>Nothing recorded yet.</summary>
    public static StemRecorderStatus Idle { get; } = new(StemRecorderState.Idle, null, 0, 0, null);
}
