//! The big network through the GPU: the lines-and-nodes mesh uploaded to buffers of its own
//! once each time it is built, and drawn by a paint callback whose only per-frame upload is 16
//! bytes (the screen's size and how far the view has been panned since the build). egui would
//! otherwise copy the whole mesh into its own buffers every frame (tessellation), which at 10^5
//! entities is most of a frame's CPU time.
//!
//! The vertices are egui's own (position, texture coordinate, sRGB colour), drawn with egui's
//! blending and colour handling, so the picture is the one the mesh path draws. Where no wgpu
//! device exists (a headless test, another renderer), [`install`] is never called and the view
//! paints the mesh as before.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use eframe::egui::{Mesh, Rect, Vec2};
use eframe::egui_wgpu::{self, wgpu};

/// Meshes with at least this many vertices go through the GPU path when it is installed; below
/// it, egui's copy costs less than a second draw call is worth.
pub const DEFAULT_MIN_VERTICES: usize = 50_000;

/// Larger meshes stay on the mesh path: their buffers would pass the 256 MiB that every wgpu
/// device allows (20 bytes a vertex; the indices, 4 bytes each, are about as many again).
pub const MAX_VERTICES: usize = 6_000_000;

/// Every built mesh gets a number, so the GPU copy is replaced exactly when the mesh is (a
/// rebuilt mesh may reuse the allocation of the one before, so its address says nothing).
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

pub fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

const SHADER: &str = r"
struct Locals {
    screen_size: vec2<f32>,
    offset: vec2<f32>,
    dithering: u32,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>,
};

// As egui's own shader (egui-wgpu's egui.wgsl): sRGB bytes, premultiplied.
fn unpack_color(color: u32) -> vec4<f32> {
    return vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
}

fn interleaved_gradient_noise(n: vec2<f32>) -> f32 {
    let f = 0.06711056 * n.x + 0.00583715 * n.y;
    return fract(52.9829189 * fract(f));
}

fn dither_interleaved(rgb: vec3<f32>, levels: f32, frag_coord: vec4<f32>) -> vec3<f32> {
    var noise = interleaved_gradient_noise(frag_coord.xy);
    noise = (noise - 0.5) * 0.95;
    return rgb + noise / (levels - 1.0);
}

fn linear_from_gamma_rgb(srgb: vec3<f32>) -> vec3<f32> {
    let cutoff = srgb < vec3<f32>(0.04045);
    let lower = srgb / vec3<f32>(12.92);
    let higher = pow((srgb + vec3<f32>(0.055)) / vec3<f32>(1.055), vec3<f32>(2.4));
    return select(higher, lower, cutoff);
}

@vertex
fn vs_main(
    @location(0) a_pos: vec2<f32>,
    @location(1) a_tex_coord: vec2<f32>,
    @location(2) a_color: u32,
) -> VertexOutput {
    var out: VertexOutput;
    let p = a_pos + locals.offset;
    out.position = vec4<f32>(
        2.0 * p.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * p.y / locals.screen_size.y,
        0.0,
        1.0,
    );
    out.color = unpack_color(a_color);
    return out;
}

fn dithered(in: VertexOutput) -> vec4<f32> {
    var color = in.color;
    if locals.dithering == 1u {
        color = vec4<f32>(dither_interleaved(color.rgb, 256.0, in.position), color.a);
    }
    return color;
}

@fragment
fn fs_main_gamma_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    return dithered(in);
}

@fragment
fn fs_main_linear_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    let color = dithered(in);
    return vec4<f32>(linear_from_gamma_rgb(color.rgb), color.a);
}
";

/// The pipeline and the buffers, kept in egui-wgpu's callback resources.
struct GpuNetwork {
    pipeline: wgpu::RenderPipeline,
    locals: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
    dithering: bool,
    uploaded: Option<Uploaded>,
}

/// One mesh's copy on the GPU, in buffers that the next mesh is written into when it fits (a
/// layout that settles on screen builds a new mesh every frame: new buffers each time piled up
/// hundreds of MB before the old ones were freed).
struct Uploaded {
    generation: u64,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    index_count: u32,
}

/// The size of [`GpuNetwork::locals`]: screen size, offset, dithering and padding.
const LOCALS_BYTES: u64 = 32;

/// Sets the GPU path up on `render_state`'s device, for a renderer without multisampling or a
/// depth buffer (eframe's defaults, and egui_kittest's). `dithering` as the renderer has it, so
/// the picture matches egui's own meshes.
pub fn install(render_state: &egui_wgpu::RenderState, dithering: bool) {
    let device = &render_state.device;
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("network_mesh_shader"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("network_mesh_locals_layout"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::VERTEX_FRAGMENT,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: std::num::NonZeroU64::new(LOCALS_BYTES),
            },
            count: None,
        }],
    });
    let locals = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("network_mesh_locals"),
        size: LOCALS_BYTES,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("network_mesh_locals"),
        layout: &layout,
        entries: &[wgpu::BindGroupEntry {
            binding: 0,
            resource: locals.as_entire_binding(),
        }],
    });
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("network_mesh_pipeline_layout"),
        bind_group_layouts: &[Some(&layout)],
        immediate_size: 0,
    });
    let format = render_state.target_format;
    let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("network_mesh_pipeline"),
        layout: Some(&pipeline_layout),
        vertex: wgpu::VertexState {
            module: &module,
            entry_point: Some("vs_main"),
            // egui's vertex: position, texture coordinate, colour.
            buffers: &[Some(wgpu::VertexBufferLayout {
                array_stride: 5 * 4,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState {
            topology: wgpu::PrimitiveTopology::TriangleList,
            cull_mode: None,
            ..wgpu::PrimitiveState::default()
        },
        depth_stencil: None,
        multisample: wgpu::MultisampleState::default(),
        fragment: Some(wgpu::FragmentState {
            module: &module,
            entry_point: Some(if format.is_srgb() {
                "fs_main_linear_framebuffer"
            } else {
                "fs_main_gamma_framebuffer"
            }),
            // egui's blending: premultiplied alpha.
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend: Some(wgpu::BlendState {
                    color: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::One,
                        dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
                        operation: wgpu::BlendOperation::Add,
                    },
                    alpha: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
                        dst_factor: wgpu::BlendFactor::One,
                        operation: wgpu::BlendOperation::Add,
                    },
                }),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    });
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(GpuNetwork {
            pipeline,
            locals,
            bind_group,
            dithering,
            uploaded: None,
        });
}

/// A paint callback drawing `mesh` (built in screen points) moved by `offset` points.
pub fn mesh_callback(
    rect: Rect,
    mesh: Arc<Mesh>,
    generation: u64,
    offset: Vec2,
) -> eframe::egui::PaintCallback {
    egui_wgpu::Callback::new_paint_callback(
        rect,
        DrawMesh {
            mesh,
            generation,
            offset,
        },
    )
}

struct DrawMesh {
    mesh: Arc<Mesh>,
    generation: u64,
    offset: Vec2,
}

impl egui_wgpu::CallbackTrait for DrawMesh {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &egui_wgpu::ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut egui_wgpu::CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(gpu) = resources.get_mut::<GpuNetwork>() else {
            return Vec::new();
        };
        if gpu.uploaded.as_ref().map(|u| u.generation) != Some(self.generation) {
            let kept = gpu.uploaded.take();
            gpu.uploaded = upload(device, queue, kept, &self.mesh, self.generation);
        }
        let points = |pixels: u32| pixels as f32 / screen.pixels_per_point;
        let mut locals = [0u8; LOCALS_BYTES as usize];
        let values = [
            points(screen.size_in_pixels[0]).to_le_bytes(),
            points(screen.size_in_pixels[1]).to_le_bytes(),
            self.offset.x.to_le_bytes(),
            self.offset.y.to_le_bytes(),
            u32::from(gpu.dithering).to_le_bytes(),
        ];
        for (slot, value) in locals.chunks_exact_mut(4).zip(values) {
            slot.copy_from_slice(&value);
        }
        queue.write_buffer(&gpu.locals, 0, &locals);
        Vec::new()
    }

    fn paint(
        &self,
        info: eframe::egui::PaintCallbackInfo,
        render_pass: &mut wgpu::RenderPass<'static>,
        resources: &egui_wgpu::CallbackResources,
    ) {
        let Some(gpu) = resources.get::<GpuNetwork>() else {
            return;
        };
        let Some(uploaded) = gpu
            .uploaded
            .as_ref()
            .filter(|u| u.generation == self.generation)
        else {
            return;
        };
        // The mesh is in screen points: draw over the whole screen (egui set the viewport to
        // the callback's rectangle) and let the clip rectangle, already set, cut it.
        let [width, height] = info.screen_size_px;
        render_pass.set_viewport(0.0, 0.0, width as f32, height as f32, 0.0, 1.0);
        render_pass.set_pipeline(&gpu.pipeline);
        render_pass.set_bind_group(0, &gpu.bind_group, &[]);
        render_pass.set_vertex_buffer(0, uploaded.vertices.slice(..));
        render_pass.set_index_buffer(uploaded.indices.slice(..), wgpu::IndexFormat::Uint32);
        render_pass.draw_indexed(0..uploaded.index_count, 0, 0..1);
    }
}

/// The mesh's vertices and indices on the GPU: written into `kept`'s buffers when they are large
/// enough, else into new ones with a quarter to spare; none for an empty mesh or one the device
/// cannot hold.
fn upload(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    kept: Option<Uploaded>,
    mesh: &Mesh,
    generation: u64,
) -> Option<Uploaded> {
    let index_count = u32::try_from(mesh.indices.len()).ok()?;
    let vertex_bytes: &[u8] = bytemuck::cast_slice(&mesh.vertices);
    let index_bytes: &[u8] = bytemuck::cast_slice(&mesh.indices);
    if index_count == 0 {
        return None;
    }
    let limit = device.limits().max_buffer_size;
    let buffer = |kept: Option<wgpu::Buffer>, bytes: &[u8], usage, label| {
        let needed = bytes.len() as u64;
        let buffer = match kept {
            Some(buffer) if buffer.size() >= needed => buffer,
            _ => {
                let size = (needed + needed / 4).next_multiple_of(wgpu::COPY_BUFFER_ALIGNMENT);
                if size > limit {
                    return None;
                }
                device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(label),
                    size,
                    usage: usage | wgpu::BufferUsages::COPY_DST,
                    mapped_at_creation: false,
                })
            }
        };
        // Both lengths are multiples of 4 (vertices of 20 bytes, indices of 4).
        queue.write_buffer(&buffer, 0, bytes);
        Some(buffer)
    };
    let (kept_vertices, kept_indices) =
        kept.map_or((None, None), |u| (Some(u.vertices), Some(u.indices)));
    let vertices = buffer(
        kept_vertices,
        vertex_bytes,
        wgpu::BufferUsages::VERTEX,
        "network_mesh_vertices",
    )?;
    let indices = buffer(
        kept_indices,
        index_bytes,
        wgpu::BufferUsages::INDEX,
        "network_mesh_indices",
    )?;
    Some(Uploaded {
        generation,
        vertices,
        indices,
        index_count,
    })
}
