namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// The sound-effects cart: one-shots held in memory (48 kHz mono), fired from any thread and mixed on the
/// audio thread. <see cref="Fire"/> and <see cref="StopAll"/> post a command to a lock-free queue that the
/// next <see cref="Read"/> drains, so a sound starts at the beginning of the next block (≤ 20 ms later).
/// Sounds overlap: each firing takes a voice from a preallocated pool (<see cref="DefaultVoices"/>), and when
/// every voice is busy the oldest is stolen. The output is the plain sum of the voices (no gain, no limiter:
/// put a <see cref="Nodes.GainSource"/> after it for a cart fader). The built-in <c>ring</c>, <c>busy</c>,
/// <c>hangup</c> and <c>stinger</c> are always there, after the file items; a file with the same id replaces
/// one. Items get hotkeys in order: 1–9, 0, then a–z. A live source: <see cref="Read"/> always fills the
/// buffer and never allocates.
/// </summary>
public sealed class EffectsCart : IAudioSource
{
    /// <summary>Voices when none is given.</summary>
    public const int DefaultVoices = 16;

    /// <summary>Longest sound file the cart loads.</summary>
    public static readonly TimeSpan MaxSoundLength = TimeSpan.FromSeconds(60);

    private const int StopFadeSamples = AudioClock.SampleRate / 200;
    private const int CommandCapacity = 256;
    private const int StopAllCommand = -1;
    private const string HotkeyOrder = "1234567890abcdefghijklmnopqrstuvwxyz";

    private readonly Dictionary<string, int> _byId;
    private readonly ReadOnlyMemory<float>[] _clips;
    private readonly CommandQueue<int> _commands = new(CommandCapacity);
    private readonly int[] _voiceClip;
    private readonly int[] _voicePosition;
    private readonly long[] _voiceStarted;
    private readonly int[] _voiceFade;
    private long _firings;
    private volatile int _activeVoices;
    private long _stolen;

    /// <summary>A cart of <paramref name="items"/> (in order, hotkeys assigned here) followed by the built-ins they do not replace.</summary>
    /// <exception cref="ArgumentException">Two items share an id.</exception>
    public EffectsCart(IEnumerable<CartItem>? items = null, int voices = DefaultVoices)
        : this(items, voices, [])
    {
    }

    private EffectsCart(IEnumerable<CartItem>? items, int voices, IReadOnlyList<string> loadErrors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(voices);
        var own = (items ?? []).ToList();
        var all = own.Concat(BuiltInSounds.All.Where(b => !own.Exists(i => string.Equals(i.Id, b.Id, StringComparison.OrdinalIgnoreCase))));
        Items = all.Select((item, index) => item with { Key = index < HotkeyOrder.Length ? HotkeyOrder[index] : null }).ToArray();
        _byId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Items.Count; i++)
        {
            if (!_byId.TryAdd(Items[i].Id, i))
            {
                throw new ArgumentException($"Two cart items have the id '{Items[i].Id}'.", nameof(items));
            }
        }

        _clips = Items.Select(i => i.Samples).ToArray();
        _voiceClip = new int[voices];
        _voiceClip.AsSpan().Fill(-1);
        _voicePosition = new int[voices];
        _voiceStarted = new long[voices];
        _voiceFade = new int[voices];
        LoadErrors = loadErrors;
    }

    /// <summary>48 kHz mono.</summary>
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>The buttons, in hotkey order.</summary>
    public IReadOnlyList<CartItem> Items { get; }

    /// <summary>Files in the folder that could not be loaded, with the reason (the cart loads the rest).</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    /// <summary>Size of the voice pool.</summary>
    public int Voices => _voiceClip.Length;

    /// <summary>Voices sounding after the last block.</summary>
    public int ActiveVoices => _activeVoices;

    /// <summary>Voices cut short because the pool was full.</summary>
    public long VoicesStolen => Interlocked.Read(ref _stolen);

    /// <summary>
    /// Loads every .wav/.mp3/.flac/.ogg/.m4a directly in <paramref name="folder"/> (sorted by name; id = file
    /// name without extension) and adds the built-ins. WAVs are read directly; the rest through ffmpeg. A file
    /// that fails (or runs past <see cref="MaxSoundLength"/>) is left out and named in <see cref="LoadErrors"/>;
    /// a missing folder gives a cart of built-ins only.
    /// </summary>
    public static async Task<EffectsCart> LoadAsync(string folder, string? ffmpegPath = null, int voices = DefaultVoices, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var items = new List<CartItem>();
        var errors = new List<string>();
        if (!Directory.Exists(folder))
        {
            errors.Add($"Effects folder '{folder}' does not exist; only the built-in sounds are loaded.");
            return new EffectsCart(items, voices, errors);
        }

        var files = Directory.EnumerateFiles(folder).Where(MediaFormats.IsSupported).Order(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            if (items.Exists(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"'{Path.GetFileName(file)}': another file already has the id '{id}'.");
                continue;
            }

            try
            {
                var samples = MediaFormats.IsWav(file)
                    ? await Task.Run(() => AudioFile.ReadMono(file, AudioClock.SampleRate), cancellationToken)
                    : await FfmpegDecoder.DecodeAllAsync(file, MaxSoundLength, ffmpegPath, cancellationToken);
                items.Add(new CartItem(id, id, samples) { SourcePath = file });
            }
            catch (Exception e) when (e is MediaDecodeException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"'{Path.GetFileName(file)}': {e.Message}");
            }
        }

        return new EffectsCart(items, voices, errors);
    }

    /// <summary>The item with <paramref name="id"/> (any case), or null.</summary>
    public CartItem? Find(string id) => _byId.TryGetValue(id, out var index) ? Items[index] : null;

    /// <summary>The item on hotkey <paramref name="key"/> (any case), or null.</summary>
    public CartItem? FindByKey(char key)
    {
        var lower = char.ToLowerInvariant(key);
        foreach (var item in Items)
        {
            if (item.Key == lower)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Any thread: plays <paramref name="id"/> from the next block, over whatever is sounding.</summary>
    /// <returns>False when there is no such item (or, improbably, 256 commands are already waiting).</returns>
    public bool Fire(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var index) && _commands.TryEnqueue(index);
    }

    /// <summary>Any thread: fades every sounding voice out over 5 ms from the next block.</summary>
    public void StopAll() => _commands.TryEnqueue(StopAllCommand);

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        while (_commands.TryDequeue(out var command))
        {
            if (command == StopAllCommand)
            {
                StopVoices();
            }
            else
            {
                Start(command);
            }
        }

        buffer.Clear();
        var active = 0;
        for (var v = 0; v < _voiceClip.Length; v++)
        {
            if (_voiceClip[v] >= 0 && Mix(v, buffer))
            {
                active++;
            }
        }

        _activeVoices = active;
        return buffer.Length;
    }

    // Adds voice v to the block; false once it has finished (and frees it).
    private bool Mix(int v, Span<float> buffer)
    {
        var clip = _clips[_voiceClip[v]].Span;
        var position = _voicePosition[v];
        var count = Math.Min(buffer.Length, clip.Length - position);
        var source = clip.Slice(position, count);
        if (_voiceFade[v] > 0)
        {
            var fade = _voiceFade[v];
            count = Math.Min(count, fade);
            for (var i = 0; i < count; i++)
            {
                buffer[i] += source[i] * ((float)(fade - i - 1) / StopFadeSamples);
            }

            _voiceFade[v] = fade - count;
            if (_voiceFade[v] == 0)
            {
                count = clip.Length - position; // faded out: done
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                buffer[i] += source[i];
            }
        }

        _voicePosition[v] = position + count;
        if (_voicePosition[v] >= clip.Length)
        {
            _voiceClip[v] = -1;
            return false;
        }

        return true;
    }

    private void Start(int clip)
    {
        var voice = -1;
        for (var v = 0; v < _voiceClip.Length; v++)
        {
            if (_voiceClip[v] < 0)
            {
                voice = v;
                break;
            }

            if (voice < 0 || _voiceStarted[v] < _voiceStarted[voice])
            {
                voice = v;
            }
        }

        if (_voiceClip[voice] >= 0)
        {
            Interlocked.Increment(ref _stolen);
        }

        _voiceClip[voice] = clip;
        _voicePosition[voice] = 0;
        _voiceFade[voice] = 0;
        _voiceStarted[voice] = ++_firings;
    }

    private void StopVoices()
    {
        for (var v = 0; v < _voiceClip.Length; v++)
        {
            if (_voiceClip[v] >= 0 && _voiceFade[v] == 0)
            {
                _voiceFade[v] = StopFadeSamples;
            }
        }
    }
}
