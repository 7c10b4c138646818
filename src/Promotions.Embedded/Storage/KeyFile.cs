using System.Security.Cryptography;

namespace Promotions.Embedded.Storage;

/// <summary>
/// A secret kept in a file of the data directory (owner-only, mode 600), made once with random bytes: the local
/// token signing key and the key of the embedded store's presigned URLs. Creation is atomic, so two processes
/// starting together end up with one key and both use it.
/// </summary>
public static class KeyFile
{
    /// <summary>The base64 key in <paramref name="path"/>, creating it with <paramref name="bytes"/> random bytes first if there is none.</summary>
    public static string LoadOrCreate(string path, int bytes = 32)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        }

        // When two processes race, the first key published wins and both read it.
        if (!NoReplace.TryPublish(temporary, path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path).Trim();
    }
}
