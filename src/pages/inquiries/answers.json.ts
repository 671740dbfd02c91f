// The answer library as one static JSON file, for the form's suggestions while typing.
import { libraryEntries } from '../../inquiries/public.ts';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await libraryEntries()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
