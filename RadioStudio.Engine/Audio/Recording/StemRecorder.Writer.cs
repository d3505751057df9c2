using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Routing;


namespace RadioStudio.Engine.Audio.Recording;

/// <summary>The writer thread's side of the recorder: take folders, draining the ring to the WAV files, flushing, finishing and failing a take.</summary>
public sealed partial class StemRecorder
{
    private static string CreateTakeFolder(string root, DateTimeOffset startedUtc, string label)
    {
        var name = startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + SafeLabel(label);
        var path = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(path); n++)
        {
            path = Path.Combine(root, $"{name}-{n}");
        }

        Directory.CreateDirectory(path);
        return path;
    }

    private static string SafeLabel(string? label)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new StringBuilder();
        foreach (var c in (label ?? string.Empty).Trim())
        {
            safe.Append(char.IsWhiteSpace(c) || Array.IndexOf(invalid, c) >= 0 ? '-' : c);
        }

        return safe.Length == 0 ? "take" : safe.ToString();
    }

    // Moves the producer to idle from wherever it is; spins only while the audio thread is inside Write
    // (a copy of one block). Closing while arming is fine: the writer arms with a CAS from Arming only.
    private void CloseProducer()
    {
        var spin = new SpinWait();
        while (true)
        {
            var state = Volatile.Read(ref _producer);
            if (state == ProducerIdle)
            {
                return;
            }

            if (state is ProducerRecording or ProducerPending or ProducerArming && Interlocked.CompareExchange(ref _producer, ProducerIdle, state) == state)
            {
                return;
            }

            spin.SpinOnce();
        }
    }

    private void RunWriter(Session session)
    {
        try
        {
            while (true)
            {
                _signal.Wait();
                _writerGate.Wait();
                if (Volatile.Read(ref _producer) == ProducerArming)
                {
                    var layout = _seenLayout;
                    if (_ring is null || !_ring.Fits(layout))
                    {
                        _ring = new StemRing(_queueBlocks, layout);
                    }

                    // A CAS, not a store: StopAsync may have closed the take while the ring was being sized.
                    Interlocked.CompareExchange(ref _producer, ProducerRecording, ProducerArming);
                }

                // Read before draining: StopAsync closes the producer before setting the flag, so once it is
                // seen every block the audio thread published is in the ring.
                var stopping = session.StopRequested;
                Drain(session);
                if (stopping)
                {
                    break;
                }

                if (session.FlushRequested)
                {
                    session.FlushRequested = false;
                    FlushAll(session);
                }
            }

            session.Timer?.Dispose();
            Finish(session);
            session.Completion.SetResult(Take(session, error: null));
        }
        catch (Exception ex)
        {
            Fail(session, ex);
        }
    }

    private void Drain(Session session)
    {
        var ring = _ring;
        if (ring is null)
        {
            return;
        }

        while (WriterMayRun() && ring.TryPeek(out var slot, out var index))
        {
            Begin(session, ring.Layout);
            if (index > session.Next)
            {
                PadAll(session, index - session.Next);
            }

            if (index == session.Next)
            {
                for (var bus = 0; bus < session.Writers.Length; bus++)
                {
                    var active = ring.IsActive(slot, bus);
                    var writer = session.Writers[bus] ?? (active ? Open(session, bus) : null);
                    if (writer is null)
                    {
                        continue;
                    }

                    if (active)
                    {
                        writer.Write(ring.Samples(slot, bus));
                    }
                    else
                    {
                        writer.WriteSilence(MixBlock.Samples);
                    }
                }

                session.Next++;
            }

            ring.Release();
        }
    }

    private bool WriterMayRun()
    {
        _writerGate.Wait();
        return true;
    }

    // The take's files start at the first block the audio thread saw (which may itself have been dropped).
    private void Begin(Session session, ImmutableArray<BusId> layout)
    {
        if (session.Begun)
        {
            return;
        }

        session.Begun = true;
        session.Layout = layout;
        session.Writers = new WavWriter?[layout.Length];
        session.First = Volatile.Read(ref _takeFirst);
        session.Next = session.First;
        for (var bus = 0; bus < layout.Length; bus++)
        {
            if (layout[bus].Kind != BusKind.Phone)
            {
                Open(session, bus);
            }
        }

        WriteManifest(session, error: null);
    }

    private WavWriter Open(Session session, int bus)
    {
        var path = Path.Combine(session.Folder, session.Layout[bus].Name + ".wav");
        var writer = new WavWriter(path, AudioClock.SampleRate, 1, SampleFormat, reserveRf64: true, _maxRiffSize);
        session.Writers[bus] = writer;
        writer.WriteSilence((session.Next - session.First) * MixBlock.Samples);
        return writer;
    }

    private static void PadAll(Session session, long blocks)
    {
        foreach (var writer in session.Writers)
        {
            writer?.WriteSilence(blocks * MixBlock.Samples);
        }

        session.Next += blocks;
    }

    private void FlushAll(Session session)
    {
        if (session.Begun)
        {
            foreach (var writer in session.Writers)
            {
                writer?.Flush();
            }

            WriteManifest(session, error: null);
        }

        session.Flushed = session.Begun ? session.Next - session.First : 0;
        SetStatus(new StemRecorderStatus(StemRecorderState.Recording, session.Folder, session.Flushed, Volatile.Read(ref _takeDropped), null));
    }

    private void Finish(Session session)
    {
        var lastSeen = Volatile.Read(ref _takeLastSeen);
        if (lastSeen >= 0)
        {
            Begin(session, _ring!.Layout);
            PadAll(session, lastSeen + 1 - session.Next);
        }

        foreach (var writer in session.Writers)
        {
            writer?.Dispose();
        }

        WriteManifest(session, error: null);
        StemRecorderLog.TakeFinished(_logger, session.Folder, session.Begun ? session.Next - session.First : 0, Volatile.Read(ref _takeDropped));
    }

    private void Fail(Session session, Exception error)
    {
        session.Timer?.Dispose();
        CloseProducer();
        var message = $"Stem recording stopped: {error.Message}";
        StemRecorderLog.TakeFailed(_logger, error, session.Folder);
        foreach (var writer in session.Writers)
        {
            try
            {
                writer?.Dispose();
            }
            catch (Exception closeError)
            {
                StemRecorderLog.CleanupFailed(_logger, closeError);
            }
        }

        try
        {
            WriteManifest(session, message);
        }
        catch (Exception manifestError)
        {
            StemRecorderLog.CleanupFailed(_logger, manifestError);
        }

        var take = Take(session, message);
        SetStatus(new StemRecorderStatus(StemRecorderState.Failed, session.Folder, take.Blocks, take.Dropped, message));
        session.Completion.TrySetResult(take);
    }

    private StemTake Take(Session session, string? error)
    {
        var files = ImmutableArray.CreateBuilder<StemFile>();
        for (var bus = 0; bus < session.Writers.Length; bus++)
        {
            if (session.Writers[bus] is not null)
            {
                files.Add(new StemFile(session.Layout[bus], Path.Combine(session.Folder, session.Layout[bus].Name + ".wav")));
            }
        }

        return new StemTake(
            session.Folder,
            session.Begun ? session.First : -1,
            session.Begun ? session.Next - session.First : 0,
            files.ToImmutable(),
            Volatile.Read(ref _takeDropped),
            error);
    }

    // Written beside the files and swapped in whole, so a crash leaves the previous complete manifest.
    private void WriteManifest(Session session, string? error)
    {
        var take = Take(session, error);
        var manifest = new StemManifest(
            1,
            session.StartedUtc,
            AudioClock.SampleRate,
            SampleFormat == WavSampleFormat.Float32 ? "float32" : SampleFormat == WavSampleFormat.Pcm24 ? "pcm24" : "pcm16",
            take.StartedBlockIndex,
            take.Blocks,
            take.Blocks * MixBlock.Samples,
            take.Dropped,
            [.. take.Files.Select(f => new StemManifestFile(f.Bus.Name, Path.GetFileName(f.Path)))],
            error);
        var path = Path.Combine(session.Folder, ManifestName);
        File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private void SetStatus(StemRecorderStatus status)
    {
        _status = status;
        try
        {
            StatusChanged?.Invoke(status);
        }
        catch (Exception ex)
        {
            StemRecorderLog.StatusHandlerThrew(_logger, ex);
        }
    }
}
