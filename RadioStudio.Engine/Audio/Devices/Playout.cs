namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// The device side of a <see cref="BlockRing"/>: decides what the next block sent to the device is, and
/// keeps a cushion of about <see cref="TargetBlocks"/> × 20 ms between the studio clock and the device
/// clock. It starts by waiting for the cushion (sending silence); an empty ring sends one silent block (an
/// underrun) and rebuilds the cushion with silent blocks (inserted). If over a whole window the ring never
/// drained below the cushion plus one block, the studio clock is running ahead: the surplus oldest blocks are
/// dropped (drift drops). Runs on the device's writer thread only.
/// </summary>
internal sealed class Playout(BlockRing ring, int targetBlocks = 3, int windowBlocks = 50)
{
    private bool _priming = true;
    private bool _started;
    private int _windowMin = int.MaxValue;
    private int _windowCount;

    public int TargetBlocks { get; } = targetBlocks;

    public BlockRing Ring { get; } = ring;

    /// <summary>Times the ring was empty when the device needed a block.</summary>
    public long Underruns { get; private set; }

    /// <summary>Silent blocks sent after the first audio (underruns and cushion rebuilding).</summary>
    public long Inserted { get; private set; }

    /// <summary>Blocks dropped to pull latency back.</summary>
    public long DriftDrops { get; private set; }

    /// <summary>Studio blocks sent.</summary>
    public long Played { get; private set; }

    /// <summary>Fills <paramref name="destination"/> with the next block for the device; false when it is silence.</summary>
    public bool Next(Span<float> destination)
    {
        if (_priming)
        {
            if (Ring.Count < TargetBlocks)
            {
                destination.Clear();
                Inserted += _started ? 1 : 0;
                return false;
            }

            _priming = false;
        }

        if (!Ring.TryRead(destination))
        {
            destination.Clear();
            Underruns++;
            Inserted++;
            _priming = true;
            ResetWindow();
            return false;
        }

        _started = true;
        Played++;
        TrackDrift();
        return true;
    }

    private void TrackDrift()
    {
        // After a read the ring normally holds TargetBlocks − 1 (one was just taken, the next is on its way).
        _windowMin = Math.Min(_windowMin, Ring.Count);
        if (++_windowCount < windowBlocks)
        {
            return;
        }

        var floor = TargetBlocks - 1;
        if (_windowMin > floor + 1)
        {
            DriftDrops += Ring.Drop(_windowMin - floor);
        }

        ResetWindow();
    }

    private void ResetWindow()
    {
        _windowMin = int.MaxValue;
        _windowCount = 0;
    }
}
