namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// One button on the sound-effects cart: a one-shot held in memory as 48 kHz mono.
/// </summary>
/// <param name="Id">Stable name used by <see cref="EffectsCart.Fire"/>: the file name without extension, or a built-in name (<c>ring</c>, <c>busy</c>, <c>hangup</c>, <c>stinger</c>).</param>
/// <param name="Title">What the button says.</param>
/// <param name="Samples">The sound, 48 kHz mono.</param>
public sealed record CartItem(string Id, string Title, ReadOnlyMemory<float> Samples)
{
    /// <summary>Hotkey given by the cart in order: 1–9, 0, then a–z; null past the 36th item.</summary>
    public char? Key { get; init; }

    /// <summary>True for the synthesised sounds that are there with no setup.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>The file it came from; null for built-ins and items made in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Playing time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / AudioClock.SampleRate);
}
