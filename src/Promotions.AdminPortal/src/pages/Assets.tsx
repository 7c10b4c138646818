import { useState } from 'react';
import { api, ok, raw } from '../api/client';
import type { Asset } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { ErrorBox, Loaded, useLoad } from '../ui/kit';

/** Images, videos and PDFs: upload (≤ 4 MiB through the API) with a preview first, and the list with previews. */
export default function Assets() {
  const roles = useRoles();
  const list = useLoad(() => ok(api.GET('/admin/assets', { params: { query: { limit: '100' } as never } })).then((r) => (r.data as { items: Asset[] }).items), []);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <h1>Assets</h1>
      {can.write(roles) && (
        <div className="card grid">
          <label>File (PNG, JPEG, GIF, WebP, MP4, WebM, PDF)
            <input type="file" accept="image/png,image/jpeg,image/gif,image/webp,video/mp4,video/webm,application/pdf" onChange={(e) => {
              const f = e.target.files?.[0];
              setFile(f); setError(undefined);
              if (preview) URL.revokeObjectURL(preview);
              setPreview(f ? URL.createObjectURL(f) : undefined);
            }} />
          </label>
          {file && preview && <Preview url={preview} type={file.type} name={file.name} />}
          <div><button className="primary" disabled={!file || busy} onClick={async () => {
            setBusy(true); setError(undefined);
            try {
              await raw(`/admin/assets?fileName=${encodeURIComponent(file!.name)}`, { method: 'POST', headers: { 'Content-Type': file!.type }, body: file });
              setFile(undefined); setPreview(undefined); list.reload();
            } catch (err) { setError(err); } finally { setBusy(false); }
          }}>Upload</button></div>
          <ErrorBox error={error} />
        </div>
      )}
      <Loaded state={list} empty={(d) => d.length === 0}>
        {(items) => (
          <div className="grid cols-4">{items.map((a) => (
            <div className="card" key={a.id}>
              {a.download?.url && <Preview url={a.download.url} type={a.contentType} name={a.fileName} />}
              <div className="small"><strong>{a.fileName}</strong><br />{a.contentType}, {Math.ceil(Number(a.size) / 1024)} KiB</div>
            </div>
          ))}</div>
        )}
      </Loaded>
    </>
  );
}

function Preview({ url, type, name }: { url: string; type: string; name: string }) {
  if (type.startsWith('image/')) return <img src={url} alt={`Preview of ${name}`} style={{ maxWidth: '100%', maxHeight: 160 }} />;
  if (type.startsWith('video/')) return <video src={url} controls style={{ maxWidth: '100%', maxHeight: 160 }} aria-label={`Preview of ${name}`} />;
  return <a href={url} target="_blank" rel="noreferrer">Open {name}</a>;
}
