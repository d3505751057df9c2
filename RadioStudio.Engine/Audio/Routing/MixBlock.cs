using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Routing;

/// <summary>
/// One 20 ms block of every bus (48 kHz mono float), written by the audio graph and handed to each
/// <see cref="IMixOutput"/> on the audio clock thread. The buffers are owned by the graph and reused:
/// an output copies what it needs before <see cref="IMixOutput.Write"/> returns.
/// </summary>
public sealed class MixBlock
{
    private readonly float[][] _buffers;
    private readonly bool[] _active;

    /// <summary>Creates a block with one 960-sample buffer per bus, in <paramref name="buses"/> order.</summary>
    public MixBlock(ImmutableArray<BusId> buses)
    {
        Buses = buses;
        _buffers = new float[buses.Length][];
        _active = new bool[buses.Length];
        for (var i = 0; i < buses.Length; i++)
        {
            _buffers[i] = RealtimeMemory.Array<float>(AudioFormat.Studio.BlockSamples);
        }
    }

    /// <summary>The standard layout: host, AI, <paramref name="phoneSlots"/> phone slots, music, SFX, ads, program.</summary>
    public static MixBlock Standard(int phoneSlots)
    {
        var buses = ImmutableArray.CreateBuilder<BusId>(phoneSlots + 6);
        buses.Add(new BusId(BusKind.HostMic));
        buses.Add(new BusId(BusKind.AiVoice));
        for (var slot = 0; slot < phoneSlots; slot++)
        {
            buses.Add(new BusId(BusKind.Phone, slot));
        }

        buses.Add(new BusId(BusKind.Music));
        buses.Add(new BusId(BusKind.Effects));
        buses.Add(new BusId(BusKind.Ads));
        buses.Add(new BusId(BusKind.Program));
        return new MixBlock(buses.MoveToImmutable());
    }

    /// <summary>The audio clock's block index (counts from 0, one per 20 ms).</summary>
    public long Index { get; set; }

    /// <summary>The buses, in a fixed order for the life of the block.</summary>
    public ImmutableArray<BusId> Buses { get; }

    /// <summary>Samples per bus per block (960).</summary>
    public static int Samples => AudioFormat.Studio.BlockSamples;

    /// <summary>Index of <paramref name="bus"/> in <see cref="Buses"/>, or −1.</summary>
    public int IndexOf(BusId bus) => Buses.IndexOf(bus);

    /// <summary>The samples of bus <paramref name="index"/> for this block.</summary>
    public ReadOnlySpan<float> this[int index] => _buffers[index];

    /// <summary>The writable samples of bus <paramref name="index"/> (the graph's side).</summary>
    public Span<float> Write(int index) => _buffers[index];

    /// <summary>
    /// False for a bus that has nothing behind it this block (a phone slot with no caller); its buffer is
    /// silence. Stems still record it as silence so every file stays time-aligned.
    /// </summary>
    public bool IsActive(int index) => _active[index];

    /// <summary>Marks bus <paramref name="index"/> active or not (the graph's side).</summary>
    public void SetActive(int index, bool active) => _active[index] = active;
}
