using System.Runtime.InteropServices;

namespace Promotions.Embedded.Storage;

/// <summary>
/// Puts a finished file under its final name only when nothing has that name yet, in one step: of many racing
/// publishers exactly one succeeds and the others find its file, whole. <see cref="File.Move(string, string, bool)"/>
/// without overwrite does not promise this on Unix: it looks for the target and then renames, so two moves racing
/// can both succeed and the second silently replaces the first. A hard link refuses an existing name atomically.
/// Where the file system has no hard links (FAT, some network and FUSE mounts) or the two names are on different
/// ones, publishing falls back to that move: still never over a file already there, but not proof against a
/// publisher racing on another thread or process.
/// </summary>
internal static class NoReplace
{
    private const int Exists = 17; // EEXIST on Linux and macOS alike.

    /// <summary>
    /// Gives <paramref name="source"/> the name <paramref name="destination"/> and removes the old name; false, with
    /// both left as they were, when <paramref name="destination"/> already exists.
    /// </summary>
    public static bool TryPublish(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Link(source, destination) == 0)
            {
                File.Delete(source);
                return true;
            }

            if (Marshal.GetLastPInvokeError() == Exists)
            {
                return false;
            }
        }

        // On Windows, MoveFileEx without MOVEFILE_REPLACE_EXISTING fails atomically when the target exists. After
        // any other failure of the link the move reports what is wrong (a missing folder, no permission) itself.
        try
        {
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
