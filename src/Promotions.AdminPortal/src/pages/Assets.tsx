import { useState } from 'react';
import { api, ok, raw } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import type { Asset } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { ErrorBox, Loaded, useLoad } from '../ui/kit';

/**
 * Images, videos and PDFs: a preview before uploading, then an upload session (the bytes go straight to the store
 * through a presigned PUT, never through the API, so a 200 MB video works on AWS too), and the list with previews.
 */
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
          <label>File (PNG, JPEG, GIF, WebP up to 10 MB; MP4, WebM up to 200 MB; PDF up to 25 MB)
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
              await uploadFile(file!);
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

interface UploadSession { asset: Asset; upload: { url: string; method: string; headers: Record<string, string> }; complete: string }

async function uploadFile(file: File) {
  const session = (await ok(api.POST('/admin/assets/uploads', { body: { fileName: file.name, contentType: file.type, size: file.size } as never }))).data as unknown as UploadSession;
  // The presigned URL carries its own authorization: no bearer token, exactly the signed headers.
  const headers = Object.fromEntries(Object.entries(session.upload.headers).filter(([k]) => k.toLowerCase() !== 'content-length'));
  const put = await fetch(session.upload.url, { method: session.upload.method, headers, body: file });
  if (!put.ok) throw new ApiError(await problemOf(put));
  await raw(session.complete, { method: 'POST' });
}

function Preview({ url, type, name }: { url: string; type: string; name: string }) {
  if (type.startsWith('image/')) return <img src={url} alt={`Preview of ${name}`} style={{ maxWidth: '100%', maxHeight: 160 }} />;
  if (type.startsWith('video/')) return <video src={url} controls style={{ maxWidth: '100%', maxHeight: 160 }} aria-label={`Preview of ${name}`} />;
  return <a href={url} target="_blank" rel="noreferrer">Open {name}</a>;
}
