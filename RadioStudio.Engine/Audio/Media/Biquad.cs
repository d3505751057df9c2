namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// One second-order section from the RBJ Audio EQ Cookbook, normalised by a0, run in transposed direct
/// form II in double precision. Coefficients can be replaced between samples while the state is kept,
/// which is how a preset change avoids a restart transient.
/// </summary>
internal struct Biquad
{
    private double _b0;
    private double _b1;
    private double _b2;
    private double _a1;
    private double _a2;
    private double _z1;
    private double _z2;

    public static Biquad LowPass(double frequency, double q, int sampleRate)
    {
        var (cos, alpha) = Angles(frequency, q, sampleRate);
        return Normalised((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad HighPass(double frequency, double q, int sampleRate)
    {
        var (cos, alpha) = Angles(frequency, q, sampleRate);
        return Normalised((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Butterworth section Qs for an even <paramref name="order"/>: 1 / (2 cos((2k−1)π / 2n)).</summary>
    public static double[] ButterworthQs(int order) =>
        Enumerable.Range(1, order / 2).Select(k => 1 / (2 * Math.Cos((2 * k - 1) * Math.PI / (2 * order)))).ToArray();

    /// <summary>Takes <paramref name="other"/>'s coefficients and keeps this section's state.</summary>
    public void SetCoefficients(in Biquad other) =>
        (_b0, _b1, _b2, _a1, _a2) = (other._b0, other._b1, other._b2, other._a1, other._a2);

    public void Reset() => (_z1, _z2) = (0, 0);

    public double Process(double x)
    {
        var y = (_b0 * x) + _z1;
        _z1 = (_b1 * x) - (_a1 * y) + _z2;
        _z2 = (_b2 * x) - (_a2 * y);
        return y;
    }

    private static (double Cos, double Alpha) Angles(double frequency, double q, int sampleRate)
    {
        var w0 = 2 * Math.PI * frequency / sampleRate;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }

    private static Biquad Normalised(double b0, double b1, double b2, double a0, double a1, double a2) => new()
    {
        _b0 = b0 / a0,
        _b1 = b1 / a0,
        _b2 = b2 / a0,
        _a1 = a1 / a0,
        _a2 = a2 / a0,
    };
}
