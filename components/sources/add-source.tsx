"use client";

import { Tabs } from "radix-ui";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HubSourceForm } from "./hub-source-form";
import { UploadSource } from "./upload-source";
import { tabClass } from "./tab-class";

/** Store a source ahead of time, to choose it later in any design. */
export function AddSource() {
  return (
    <Card className="mb-8">
      <CardHeader>
        <CardTitle>Add a source</CardTitle>
        <CardDescription>Files are parsed once and stored; the same file or Hub sample is never stored twice.</CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs.Root defaultValue="upload" className="grid gap-4">
          <Tabs.List aria-label="Source origin" className="inline-flex w-fit gap-1 rounded-lg bg-muted p-1">
            <Tabs.Trigger value="upload" className={tabClass}>Upload a file</Tabs.Trigger>
            <Tabs.Trigger value="hub" className={tabClass}>Hugging Face Hub</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="upload">
            <UploadSource onStored={() => undefined} />
          </Tabs.Content>
          <Tabs.Content value="hub">
            <HubSourceForm onFetched={() => undefined} />
          </Tabs.Content>
        </Tabs.Root>
      </CardContent>
    </Card>
  );
}
