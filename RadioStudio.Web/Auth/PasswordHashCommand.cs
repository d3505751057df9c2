namespace RadioStudio.Web.Auth;

/// <summary><c>dotnet run --project RadioStudio.Web -- hash-password</c>: reads a password, prints its hash for <c>Auth:Users:&lt;name&gt;:PasswordHash</c>.</summary>
public static class PasswordHashCommand
{
    /// <summary>Reads one line (not echoed when typed at a terminal), writes the hash. Exit code 0, or 2 for an empty password.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        error.Write("Password: ");
        var password = Console.IsInputRedirected ? input.ReadLine() : ReadHidden();
        error.WriteLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given; nothing printed.");
            return 2;
        }

        output.WriteLine(StudioUsers.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        return typed.ToString();
    }
}
